using Grpc.Core;
using Platform.Imports.V1;

namespace Platform.ServiceDefaults.Imports;

/// <summary>
/// An uploaded file: the first chunk's fields (<see cref="Header"/>, without content) and the bytes as a
/// seekable stream. A streamed upload is spooled to a temporary file before any row is read, so the import's
/// transaction never waits on the network and memory stays flat whatever the file's size.
/// </summary>
public sealed class ImportUpload : IAsyncDisposable
{
    /// <summary>The largest file taken: 256 MB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private ImportUpload(ImportChunk header, Stream content)
    {
        Header = header;
        Content = content;
    }

    public ImportChunk Header { get; }

    public Stream Content { get; }

    /// <summary>A whole file in one message (REST and small gRPC calls), read in place without a copy.</summary>
    public static ImportUpload FromMessage(ImportChunk request)
    {
        var header = request.Clone();
        header.Content = Google.Protobuf.ByteString.Empty;
        return new ImportUpload(header, ContentStream(request.Content));
    }

    /// <summary>A client stream: the first chunk has the fields, every chunk (the first too) the next bytes.</summary>
    public static async Task<ImportUpload> ReadAsync(IAsyncStreamReader<ImportChunk> chunks, CancellationToken cancellationToken)
    {
        if (!await chunks.MoveNext(cancellationToken))
            throw ApiErrors.InvalidArgument("content", "is required: the bytes of the file");
        var header = chunks.Current.Clone();
        header.Content = Google.Protobuf.ByteString.Empty;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"platform-upload-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var chunk = chunks.Current;
            while (true)
            {
                if (file.Length + chunk.Content.Length > MaxBytes)
                    throw ApiErrors.InvalidArgument("content", $"is larger than {MaxBytes / (1024 * 1024)} MB");
                await file.WriteAsync(chunk.Content.Memory, cancellationToken);
                if (!await chunks.MoveNext(cancellationToken)) break;
                chunk = chunks.Current;
            }
            file.Position = 0;
            return new ImportUpload(header, file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>The message's bytes as a stream, without copying them.</summary>
    private static MemoryStream ContentStream(Google.Protobuf.ByteString content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content.Memory, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(content.ToByteArray(), writable: false);
}
