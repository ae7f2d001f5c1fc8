using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.Extensions.Primitives;
using Platform.ServiceDefaults.Errors;

namespace Platform.Gateway;

/// <summary>
/// A gRPC status from a service whose message and details pass <see cref="GatewayOptions.MaxForwardedStatusBytes"/>
/// reaches the caller with its own code, the start of its message and an <c>ErrorInfo</c> saying it was cut,
/// so the caller's client (64 KB header limit by default) does not drop its connection.
/// </summary>
public static class OversizedGrpcStatus
{
    public const string Reason = "UPSTREAM_STATUS_TOO_LARGE";
    private const int KeptMessageChars = 1024;

    /// <summary>Shrinks the status in <paramref name="headers"/> (response headers or trailers) when too large.</summary>
    public static void Shrink(IHeaderDictionary headers, int maxBytes)
    {
        var message = headers["grpc-message"];
        var details = headers["grpc-status-details-bin"];
        if (Length(message) + Length(details) <= maxBytes) return;

        var code = int.TryParse(headers["grpc-status"], out var parsed) ? parsed : (int)Grpc.Core.StatusCode.Internal;
        var text = Uri.UnescapeDataString(message.ToString());
        var kept = text.Length > KeptMessageChars ? text[..KeptMessageChars] + "…" : text;
        kept += " (the service's error was too large to forward and was cut)";
        var status = new Google.Rpc.Status
        {
            Code = code,
            Message = kept,
            Details = { Any.Pack(new ErrorInfo { Reason = Reason, Domain = ApiErrors.Domain }) },
        };
        headers["grpc-message"] = Uri.EscapeDataString(kept);
        headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
    }

    private static int Length(StringValues values) => values.Sum(v => v is null ? 0 : Encoding.UTF8.GetByteCount(v));
}
