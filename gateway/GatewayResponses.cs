using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway;

/// <summary>
/// Answers the gateway gives by itself (bad token, over the rate limit, service down), in the shape each
/// kind of client expects: a trailers-only gRPC response with the rich status for gRPC callers, a
/// <c>google.rpc.Status</c> JSON body with the matching HTTP status for REST callers.
/// </summary>
public static class GatewayResponses
{
    public static bool IsGrpc(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Writes the status; <paramref name="headers"/> are set after the response is cleared, and
    /// <paramref name="statusCode"/> replaces the HTTP status the gRPC code maps to (e.g. 413).
    /// </summary>
    public static async Task WriteAsync(HttpContext context, StatusCode code, string reason, string message,
        IDictionary<string, string>? metadata = null, IDictionary<string, string>? headers = null, int? statusCode = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ApiErrors.Domain };
        if (metadata is not null) info.Metadata.Add(metadata);
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };

        var response = context.Response;
        if (!response.HasStarted) response.Clear();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        if (IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString();
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }
        await StatusJson.WriteAsync(response, status, statusCode);
    }
}
