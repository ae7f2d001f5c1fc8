using System.Net;
using System.Net.Http.Headers;

namespace Platform.Testing;

/// <summary>Raw gRPC over HTTP/2 for tests that send bytes no client library would: the length-prefixed framing, a
/// unary request, and the status a call ended with.</summary>
public static class GrpcFrames
{
    /// <summary>A unary gRPC call with <paramref name="payload"/> as the message bytes.</summary>
    public static HttpRequestMessage Request(string path, byte[] payload, bool framed = true)
    {
        var body = framed ? Frame(payload) : payload;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    public static byte[] Frame(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>The message bytes of the first frame of a response body, or null if there is none.</summary>
    public static byte[]? FirstMessage(byte[] body) =>
        body.Length < 5 ? null : body.AsSpan(5, (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1))).ToArray();

    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only answer.</summary>
    public static string? Status(HttpResponseMessage response) =>
        response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
        : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : null;

    public static string Message(HttpResponseMessage response) =>
        Uri.UnescapeDataString(response.TrailingHeaders.TryGetValues("grpc-message", out var t) ? t.First()
            : response.Headers.TryGetValues("grpc-message", out var h) ? h.First() : "");
}
