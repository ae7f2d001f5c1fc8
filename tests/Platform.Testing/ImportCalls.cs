using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Platform.Imports.V1;

namespace Platform.Testing;

/// <summary>Calls of the import RPCs as a client makes them: a file streamed in chunks, or a REST answer read as events.</summary>
public static class ImportCalls
{
    /// <summary>Sends the header in the first chunk and the bytes in pieces of <paramref name="chunkSize"/>; returns every event.</summary>
    public static async Task<IReadOnlyList<ImportEvent>> StreamAsync(AsyncDuplexStreamingCall<ImportChunk, ImportEvent> call,
        ImportChunk header, byte[] content, int chunkSize, CancellationToken cancellationToken)
    {
        using (call)
        {
            var first = header.Clone();
            first.Content = ByteString.CopyFrom(content, 0, Math.Min(chunkSize, content.Length));
            await call.RequestStream.WriteAsync(first, cancellationToken);
            for (var offset = chunkSize; offset < content.Length; offset += chunkSize)
                await call.RequestStream.WriteAsync(new ImportChunk
                {
                    Content = ByteString.CopyFrom(content, offset, Math.Min(chunkSize, content.Length - offset)),
                }, cancellationToken);
            await call.RequestStream.CompleteAsync();
            return await ReadAllAsync(call.ResponseStream, cancellationToken);
        }
    }

    /// <summary>The events of a one-message import call.</summary>
    public static async Task<IReadOnlyList<ImportEvent>> EventsAsync(AsyncServerStreamingCall<ImportEvent> call, CancellationToken cancellationToken)
    {
        using (call) return await ReadAllAsync(call.ResponseStream, cancellationToken);
    }

    /// <summary>A streamed REST answer: a JSON array, or one JSON object per line.</summary>
    public static List<JsonElement> RestEvents(string text)
    {
        text = text.Trim();
        if (text.StartsWith('[')) return JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    /// <summary>The problems of a list of events, as "row column code" lines for readable assertion failures.</summary>
    public static string Describe(IEnumerable<ImportEvent> events) =>
        string.Join("\n", events.Where(e => e.Problem is not null).Select(e => $"{e.Problem.Row} {e.Problem.Column} {e.Problem.Code}: {e.Problem.Message}"));

    private static async Task<IReadOnlyList<ImportEvent>> ReadAllAsync(IAsyncStreamReader<ImportEvent> stream, CancellationToken cancellationToken)
    {
        var events = new List<ImportEvent>();
        while (await stream.MoveNext(cancellationToken)) events.Add(stream.Current);
        return events;
    }
}
