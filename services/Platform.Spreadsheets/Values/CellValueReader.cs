using System.Globalization;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Values;

/// <summary>A cell read for its column: the value (null when blank), or the reason it could not be read.</summary>
internal readonly record struct CellValue(object? Value, string? ProblemCode = null, string? ProblemMessage = null)
{
    public static CellValue Blank => default;

    public static CellValue Problem(string code, string message) => new(null, code, message);
}

/// <summary>
/// Reads cells into values of their column's kind: text trimmed and whole, codes without spaces, numbers in the
/// file's one number format (<see cref="NumberFormat.Detect"/> here means the file left it undecided: only numbers
/// both formats read alike are accepted), dates day-first or ISO or as Excel serials.
/// </summary>
internal sealed class CellValueReader(NumberFormat numberFormat, bool date1904)
{
    private readonly NumberFormatExample example = numberFormat switch
    {
        NumberFormat.Italian => new("1.234,56 oppure 1234,56", "1234"),
        NumberFormat.Plain => new("1234.56", "1234"),
        _ => new("1.234,56 (italiano) oppure 1234.56", "1234"),
    };

    public CellValue Read(RawCell cell, ColumnKind kind)
    {
        if (cell.IsBlank) return CellValue.Blank;
        if (cell.Type == CellType.Error) return CellValue.Problem(ProblemCodes.CellError, ProblemMessages.CellError(cell.Text));
        return kind switch
        {
            ColumnKind.Text => new(AsText(cell)),
            ColumnKind.Code => ReadCode(cell),
            ColumnKind.Integer => ReadInteger(cell),
            ColumnKind.Decimal => ReadDecimal(cell, money: false),
            ColumnKind.Money => ReadDecimal(cell, money: true),
            ColumnKind.Date => ReadDate(cell),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static string AsText(RawCell cell) => cell.Type switch
    {
        CellType.Number when ExcelNumber.TryParse(cell.Text, out var number) => number.ToString(CultureInfo.InvariantCulture),
        CellType.Boolean => cell.Text == "1" ? "VERO" : "FALSO",
        _ => Spaces.Trim(cell.Text),
    };

    private static CellValue ReadCode(RawCell cell)
    {
        var text = AsText(cell);
        return Spaces.ContainsAny(text) ? CellValue.Problem(ProblemCodes.BadCode, ProblemMessages.BadCode) : new(text);
    }

    private CellValue ReadInteger(RawCell cell)
    {
        var read = ReadDecimal(cell, money: false);
        if (read.ProblemCode is not null) return read;
        var number = (decimal)read.Value!;
        return number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? new((long)number)
            : CellValue.Problem(ProblemCodes.BadNumber, ProblemMessages.BadInteger(example));
    }

    private CellValue ReadDecimal(RawCell cell, bool money)
    {
        if (cell.Type == CellType.Number)
            return ExcelNumber.TryParse(cell.Text, out var stored) ? new(stored) : BadNumber;
        if (cell.Type != CellType.Text) return BadNumber;
        var text = Spaces.Trim(cell.Text);
        if (money) text = Money.WithoutCurrency(text);
        if (numberFormat == NumberFormat.Detect)
        {
            return NumberText.Classify(text) switch
            {
                NumberText.Reading.Neutral when NumberText.TryParse(text, NumberFormat.Plain, out var same) => new(same),
                NumberText.Reading.NotANumber => BadNumber,
                _ => CellValue.Problem(ProblemCodes.AmbiguousNumber, ProblemMessages.AmbiguousNumber(text)),
            };
        }
        return NumberText.TryParse(text, numberFormat, out var value) ? new(value) : BadNumber;
    }

    private CellValue BadNumber => CellValue.Problem(ProblemCodes.BadNumber, ProblemMessages.BadNumber(example));

    private CellValue ReadDate(RawCell cell)
    {
        var bad = CellValue.Problem(ProblemCodes.BadDate, ProblemMessages.BadDate);
        return cell.Type switch
        {
            CellType.Number => ExcelNumber.TryParse(cell.Text, out var serial) && ExcelSerial.TryToDate(serial, date1904, out var fromSerial)
                ? new(fromSerial) : bad,
            CellType.Text or CellType.IsoDate => DateText.TryParse(Spaces.Trim(cell.Text), out var date) ? new(date) : bad,
            _ => bad,
        };
    }
}
