using System.Text;

namespace Platform.Spreadsheets.Reading;

/// <summary>
/// Decides how a CSV file's bytes are text: a byte order mark (UTF-8, UTF-16) when there is one; otherwise UTF-8
/// when every byte of the file is valid UTF-8, else Windows-1252 (what Excel in Italy saves as "CSV").
/// </summary>
internal static class CsvTextEncoding
{
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    /// <summary>The encoding and the length of its byte order mark; leaves the stream at its start.</summary>
    public static async Task<(Encoding Encoding, int PreambleLength)> DetectAsync(Stream seekable, CancellationToken cancellationToken)
    {
        seekable.Position = 0;
        var head = new byte[3];
        var read = await seekable.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        seekable.Position = 0;
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return (StrictUtf8, 3);
        if (read >= 2 && head[0] == 0xFF && head[1] == 0xFE) return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        if (read >= 2 && head[0] == 0xFE && head[1] == 0xFF) return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        var isUtf8 = await IsValidUtf8Async(seekable, cancellationToken);
        seekable.Position = 0;
        return (isUtf8 ? StrictUtf8 : Windows1252, 0);
    }

    private static async Task<bool> IsValidUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        var decoder = StrictUtf8.GetDecoder();
        var buffer = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                decoder.GetCharCount(buffer, 0, read, flush: false);
            decoder.GetCharCount([], 0, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
