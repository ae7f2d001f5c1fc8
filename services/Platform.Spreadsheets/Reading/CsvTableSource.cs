using System.Runtime.CompilerServices;
using System.Text;
using Platform.Spreadsheets.Problems;
using Sylvan.Data.Csv;

namespace Platform.Spreadsheets.Reading;

/// <summary>A CSV file read record by record with Sylvan; the header is row 1 like any other row.</summary>
internal sealed class CsvTableSource(Stream seekable) : ITableSource
{
    private const int HeaderSampleChars = 64 * 1024;
    private const int MaxRecordChars = 4 * 1024 * 1024;

    public bool Date1904 => false;

    private (Encoding Encoding, int Preamble, char Delimiter, bool Declared)? layout;

    public async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (encoding, preamble, delimiter, declared) = layout ??= await DetectLayoutAsync(cancellationToken);
        seekable.Position = preamble;
        using var text = new StreamReader(seekable, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Comment = '\0', // a cell starting with '#' is data, not a comment
            MaxBufferSize = MaxRecordChars,
            OwnsReader = false,
        };
        await using var csv = await CsvDataReader.CreateAsync(text, options, cancellationToken);
        var hiddenLines = 0;
        if (declared && await ReadAsync(csv, 0, cancellationToken)) hiddenLines = 1; // the sep= line
        while (await ReadAsync(csv, hiddenLines, cancellationToken))
        {
            var cells = new RawCell[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = RawCell.FromText(csv.GetString(i));
            yield return new RawRow(null, csv.RowNumber - hiddenLines, cells);
        }
    }

    private async Task<(Encoding, int, char, bool)> DetectLayoutAsync(CancellationToken cancellationToken)
    {
        var (encoding, preamble) = await CsvTextEncoding.DetectAsync(seekable, cancellationToken);
        seekable.Position = preamble;
        using var reader = new StreamReader(seekable, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var sample = new char[HeaderSampleChars];
        var read = await reader.ReadBlockAsync(sample, cancellationToken);
        var head = sample.AsSpan(0, read);
        return CsvDelimiter.Declared(head) is { } declared
            ? (encoding, preamble, declared, true)
            : (encoding, preamble, CsvDelimiter.FromHeaderLine(head), false);
    }

    /// <summary>The next record; a reading failure names the row being read (Sylvan has counted it already).</summary>
    private static async Task<bool> ReadAsync(CsvDataReader csv, int hiddenLines, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableFileException(ProblemCodes.BadEncoding, ProblemMessages.BadEncoding, csv.RowNumber - hiddenLines, e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new UnreadableFileException(ProblemCodes.FileTooLarge, ProblemMessages.FileTooLarge, csv.RowNumber - hiddenLines, e);
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableFileException(ProblemCodes.UnreadableFile, ProblemMessages.UnreadableCsv, e.RowNumber - hiddenLines, e);
        }
    }
}
