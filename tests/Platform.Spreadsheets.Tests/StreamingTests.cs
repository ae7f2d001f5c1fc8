using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Writing;

namespace Platform.Spreadsheets.Tests;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// A 50,000-row file is written and read one row at a time: the memory the process holds while it does so stays
/// a small fraction of the file, and the bytes allocated grow with the file, not beyond a few times its size.
/// Measured, not timed; the collection runs alone so other tests do not add to the heap.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class StreamingTests : IDisposable
{
    private const int RowCount = 50_000;
    private readonly string path = Path.Combine(Path.GetTempPath(), $"spreadsheets-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(SpreadsheetFormat.Csv)]
    [InlineData(SpreadsheetFormat.Xlsx)]
    public async Task Fifty_thousand_rows_stream_through_export_and_import_in_bounded_memory(SpreadsheetFormat format)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writing = new HeapWatch();
        await using (var output = File.Create(path))
            await TableExport.WriteAsync(output, format, TestSchemas.Budget, GeneratedRows(writing), null, Deadline.Token);
        var fileSize = new FileInfo(path).Length;
        var written = clock.Elapsed;
        clock.Restart();
        var uncompressed = format == SpreadsheetFormat.Xlsx ? UncompressedSize(path) : fileSize;

        var reading = new HeapWatch();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var count = 0;
        await using (var input = File.OpenRead(path))
        await using (var import = await TableImport.OpenAsync(input, format, TestSchemas.Budget, new ImportOptions { CountRows = true }, Deadline.Token))
        {
            await foreach (var row in import.ReadRowsAsync(Deadline.Token))
            {
                Assert.False(row.HasProblems);
                if (++count % 5_000 == 0) reading.Sample();
            }
            Assert.Equal(RowCount, import.TotalRows);
            Assert.Empty(import.FileProblems);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var read = clock.Elapsed;

        Assert.Equal(RowCount, count);
        Assert.True(fileSize > 3_000_000, $"the file has {fileSize} bytes");
        Assert.True(writing.Growth < 4_000_000, $"writing held {writing.Growth} bytes more than at its start (file {fileSize})");
        Assert.True(reading.Growth < 4_000_000, $"reading held {reading.Growth} bytes more than at its start (file {fileSize})");
        // Two passes (number format and row count, then rows) of text as UTF-16 strings and per-row objects.
        Assert.True(allocated < uncompressed * 40, $"reading allocated {allocated} bytes for a file of {fileSize} ({uncompressed} uncompressed)");
        Console.WriteLine($"{format}: file {fileSize:N0} B ({uncompressed:N0} B uncompressed), held while writing +{writing.Growth:N0} B, while reading +{reading.Growth:N0} B, allocated {allocated:N0} B; " +
            $"written in {written.TotalSeconds:F1} s, read (two passes) in {read.TotalSeconds:F1} s, heap checks included");
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> GeneratedRows(HeapWatch watch)
    {
        for (var i = 1; i <= RowCount; i++)
        {
            if (i % 5_000 == 0) watch.Sample();
            yield return [$"C{i:D6}", 2022L + i % 3, $"Voce di spesa numero {i} per manutenzione ordinaria", "09", "0903",
                i * 12.34m, i / 8m, null, new DateOnly(2022, 1, 1).AddDays(i % 365), "Assessore ai lavori pubblici", $"E11B2{i:D10}"];
        }
        await Task.CompletedTask;
    }

    private static long UncompressedSize(string xlsx)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(xlsx);
        return zip.Entries.Sum(e => e.Length);
    }

    public void Dispose() => File.Delete(path);

    /// <summary>The most the managed heap held, after full collections, above what it held when the watch started.</summary>
    private sealed class HeapWatch
    {
        private readonly long start = GC.GetTotalMemory(forceFullCollection: true);

        public long Growth { get; private set; }

        public void Sample() => Growth = Math.Max(Growth, GC.GetTotalMemory(forceFullCollection: true) - start);
    }
}
