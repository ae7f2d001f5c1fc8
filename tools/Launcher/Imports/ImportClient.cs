using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>What an import answered: its summary and the problems it sent.</summary>
public sealed record ImportResult(ImportSummary Summary, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Sends a file to the service that owns its kind, in chunks (any size, never whole in memory), and gathers
/// the answer: progress as it comes, then the problems and the summary.
/// </summary>
public static class ImportClient
{
    private const int ChunkSize = 256 * 1024;

    public static async Task<ImportResult> RunAsync(GrpcChannel gateway, ImportChunk header, Stream file,
        Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var open = ImportKinds.Find(header.Kind)
            ?? throw new ArgumentException($"unknown kind '{header.Kind}': one of {string.Join(", ", ImportKinds.Names)}");
        using var call = open(gateway, new CallOptions(cancellationToken: cancellationToken));
        var sending = SendAsync(call.RequestStream, header, file, cancellationToken);
        var problems = new List<ImportProblem>();
        ImportSummary? summary = null;
        await foreach (var e in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            switch (e.EventCase)
            {
                case ImportEvent.EventOneofCase.Progress: progress?.Invoke(e.Progress); break;
                case ImportEvent.EventOneofCase.Problem: problems.Add(e.Problem); break;
                case ImportEvent.EventOneofCase.Summary: summary = e.Summary; break;
            }
        }
        await sending;
        return new ImportResult(summary ?? throw new InvalidOperationException("the service sent no summary"), problems);
    }

    private static async Task SendAsync(IClientStreamWriter<ImportChunk> requests, ImportChunk header, Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        var first = header.Clone();
        int read;
        do
        {
            read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var chunk = first ?? new ImportChunk();
            chunk.Content = ByteString.CopyFrom(buffer, 0, read);
            await requests.WriteAsync(chunk, cancellationToken);
            first = null;
        }
        while (read == buffer.Length);
        await requests.CompleteAsync();
    }
}
