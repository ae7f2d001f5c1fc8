namespace Platform.Spreadsheets.Reading;

/// <summary>
/// Gives the readers a stream they can rewind: the input itself when it seeks, otherwise a temporary file the
/// input is copied into (an XLSX keeps its directory at the end; a CSV is scanned for its encoding first).
/// </summary>
internal static class SeekableInput
{
    public static async Task<(Stream Stream, bool Owned)> EnsureAsync(Stream input, CancellationToken cancellationToken)
    {
        if (input.CanSeek) return (input, false);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"platform-import-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await input.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return (file, true);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
