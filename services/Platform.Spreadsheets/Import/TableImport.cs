using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Import;

/// <summary>
/// A CSV or XLSX file read against a <see cref="TableSchema"/>: rows stream out one at a time, each with its
/// values and problems; the file's own problems (unreadable file, header row, number format) gather in
/// <see cref="FileProblems"/>. Nothing is written anywhere: the caller previews or commits what it reads, and
/// decides to commit only after the last row, when <see cref="FileProblems"/> is complete (a file can turn out
/// unreadable half way).
/// </summary>
public sealed class TableImport : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly SpreadsheetFormat format;
    private readonly TableSchema schema;
    private readonly ImportOptions options;
    private readonly List<ImportProblem> openingProblems = [];
    private List<ImportProblem> readingProblems = [];
    private bool unreadable;
    private ITableSource? source;

    private TableImport(Stream stream, bool ownsStream, SpreadsheetFormat format, TableSchema schema, ImportOptions options)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.format = format;
        this.schema = schema;
        this.options = options;
        NumberFormat = options.NumberFormat;
    }

    /// <summary>The number format the file is read with: stated, detected, or <see cref="NumberFormat.Detect"/> if undecided.</summary>
    public NumberFormat NumberFormat { get; private set; }

    /// <summary>Data rows in the file (header rows and blank rows not counted), when a first pass counted them.</summary>
    public int? TotalRows { get; private set; }

    /// <summary>Problems of the file as a whole; complete once <see cref="ReadRowsAsync"/> has run to its end.</summary>
    public IReadOnlyList<ImportProblem> FileProblems => [.. openingProblems, .. readingProblems];

    /// <summary>
    /// Opens a file for reading. A stream that cannot seek is first copied to a temporary file. When the number
    /// format is to be detected (or rows counted) the file is read once ahead to decide it.
    /// </summary>
    public static async Task<TableImport> OpenAsync(Stream input, SpreadsheetFormat format, TableSchema schema,
        ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        foreach (var key in options.DuplicateKey) schema.IndexOf(key); // a key the schema lacks is the caller's bug
        var (stream, owned) = await SeekableInput.EnsureAsync(input, cancellationToken);
        var import = new TableImport(stream, owned, format, schema, options);
        try
        {
            var hasNumbers = schema.Columns.Any(c => IsNumeric(c.Kind)) || schema.Families.Any(f => IsNumeric(f.Kind));
            if ((options.NumberFormat == NumberFormat.Detect && hasNumbers) || options.CountRows)
                await import.ScanAsync(cancellationToken);
            return import;
        }
        catch
        {
            await import.DisposeAsync();
            throw;
        }
    }

    /// <summary>The data rows of every sheet read; may be enumerated again (the file is read again).</summary>
    public async IAsyncEnumerable<ImportRow> ReadRowsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        readingProblems = [];
        if (unreadable) yield break;
        var source = Source;
        CellValueReader? cells = null;
        var duplicates = new DuplicateRows(schema, options.DuplicateKey);
        var sheets = new SheetTracker(schema, options.Sheets);
        await using var rows = source.ReadRowsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var stopped = new List<ImportProblem>(); // why the file could not be read to its end, if it could not
        while (await NextAsync(rows, stopped) is { } raw)
        {
            switch (sheets.Place(raw))
            {
                case RowPlace.Skipped:
                    continue;
                case RowPlace.Header:
                    readingProblems.AddRange(sheets.Header!.Problems);
                    continue;
            }
            cells ??= new CellValueReader(NumberFormat, source.Date1904);
            yield return ReadRow(raw, sheets.Header!, cells, duplicates);
        }
        readingProblems.AddRange(stopped);
        if (stopped.Count > 0) yield break;
        foreach (var missing in format == SpreadsheetFormat.Xlsx ? sheets.MissingSheets : [])
            readingProblems.Add(ImportProblem.Create(ProblemCodes.MissingSheet, missing, null, null, null, ProblemMessages.MissingSheet(missing)));
        if (!sheets.SawHeader && readingProblems.Count == 0)
            readingProblems.Add(ImportProblem.Create(ProblemCodes.EmptyFile, null, null, null, null, ProblemMessages.EmptyFile));
    }

    private ImportRow ReadRow(RawRow raw, HeaderMap header, CellValueReader cells, DuplicateRows duplicates)
    {
        var values = new object?[schema.Columns.Count];
        List<ImportProblem>? problems = null;
        for (var column = 0; column < values.Length; column++)
        {
            if (header.FileColumn(column) is not { } fileColumn) continue;
            var definition = schema.Columns[column];
            var cell = raw[fileColumn];
            var read = cells.Read(cell, definition.Kind);
            var problem = read.ProblemCode is not null
                ? ImportProblem.Create(read.ProblemCode, raw.Sheet, raw.Number, header.Header(column, schema), cell.Text, read.ProblemMessage!)
                : read.Value is null && definition.Required
                    ? ImportProblem.Create(ProblemCodes.MissingValue, raw.Sheet, raw.Number, header.Header(column, schema), null,
                        ProblemMessages.MissingValue(header.Header(column, schema)))
                    : null;
            if (problem is not null) (problems ??= []).Add(problem);
            values[column] = read.Value;
        }
        if (duplicates.Check(raw.Sheet, raw.Number, values, column => header.Header(column, schema)) is { } duplicate)
            (problems ??= []).Add(duplicate);
        var members = header.Members.Count == 0 ? [] : new List<MemberValue>(header.Members.Count);
        foreach (var member in header.Members)
        {
            var cell = raw[member.FileColumn];
            var read = cells.Read(cell, schema.Families[member.Family].Kind);
            if (read.ProblemCode is not null)
                (problems ??= []).Add(ImportProblem.Create(read.ProblemCode, raw.Sheet, raw.Number, member.Header, cell.Text, read.ProblemMessage!));
            else if (read.Value is not null)
                members.Add(new MemberValue(schema.Families[member.Family].Name, member.Key, read.Value));
        }
        return new ImportRow(schema, raw.Sheet, raw.Number, values, members, problems ?? (IReadOnlyList<ImportProblem>)[]);
    }

    /// <summary>The first pass: counts data rows and gathers the evidence for the number format.</summary>
    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var detector = new NumberFormatDetector();
        var sheets = new SheetTracker(schema, options.Sheets);
        var count = 0;
        var problems = new List<ImportProblem>();
        await using (var rows = Source.ReadRowsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (await NextAsync(rows, problems) is { } raw)
            {
                if (sheets.Place(raw) != RowPlace.Data) continue;
                count++;
                for (var column = 0; column < schema.Columns.Count; column++)
                {
                    var kind = schema.Columns[column].Kind;
                    if (IsNumeric(kind) && sheets.Header!.FileColumn(column) is { } fileColumn)
                        detector.Observe(raw[fileColumn], kind == ColumnKind.Money, raw.Sheet, raw.Number);
                }
                foreach (var member in sheets.Header!.Members)
                {
                    var kind = schema.Families[member.Family].Kind;
                    if (IsNumeric(kind)) detector.Observe(raw[member.FileColumn], kind == ColumnKind.Money, raw.Sheet, raw.Number);
                }
            }
        }
        if (problems.Count > 0)
        {
            unreadable = true;
            openingProblems.AddRange(problems);
            return;
        }
        TotalRows = count;
        if (options.NumberFormat != NumberFormat.Detect) return;
        NumberFormat = detector.Decide();
        if (detector.IsMixed)
        {
            var (italian, sheet, row) = detector.FirstItalian!.Value;
            openingProblems.Add(ImportProblem.Create(ProblemCodes.MixedNumberFormat, sheet, row, null, italian,
                ProblemMessages.MixedNumberFormat(italian, detector.FirstPlain!.Value.Text)));
        }
    }

    // One source for every pass, so that what it learns of the file (a CSV's encoding and delimiter) is learnt once.
    private ITableSource Source => source ??= format switch
    {
        SpreadsheetFormat.Csv => new CsvTableSource(stream),
        SpreadsheetFormat.Xlsx => new XlsxTableSource(stream),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The next row, or null at the end or when the file cannot be read further (then a problem says where).</summary>
    private static async Task<RawRow?> NextAsync(IAsyncEnumerator<RawRow> rows, List<ImportProblem> problems)
    {
        try
        {
            return await rows.MoveNextAsync() ? rows.Current : null;
        }
        catch (UnreadableFileException e)
        {
            problems.Add(ImportProblem.Create(e.Code, e.Sheet, e.Row, null, null, e.Message));
            return null;
        }
    }

    private static bool IsNumeric(ColumnKind kind) => kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.Money;

    public async ValueTask DisposeAsync()
    {
        if (ownsStream) await stream.DisposeAsync();
    }
}
