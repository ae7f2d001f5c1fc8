using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Reads what is left of a small request body before an answer that did not need it goes out (a 404 or 405
/// from routing, a refused query, a call turned away). Answered with its body unread, an HTTP/2 stream is
/// reset by Kestrel; the gateway, still sending the body, sees its upload fail and may cut the caller's
/// response short ("the response ended prematurely") instead of forwarding the error. A body larger than
/// <see cref="MaxBytes"/> is left unread: resetting its upload is then the point.
/// </summary>
public sealed class UnreadBodyDrain(RequestDelegate next)
{
    public const int MaxBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest && !IsGrpc(context.Request))
            await DrainAsync(context);
    }

    /// <summary>Reads and discards the rest of the request body when it is at most <see cref="MaxBytes"/>.</summary>
    public static async Task DrainAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true || request.ContentLength > MaxBytes) return;
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while (total <= MaxBytes && (read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0) total += read;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException or BadHttpRequestException)
        {
            // Already read to the end by the framework, or the caller went away: nothing left to drain.
        }
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
