using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Writes a <c>google.rpc.Status</c> as the JSON body of a REST error, in the same shape JSON transcoding
/// uses, with the HTTP status that matches the gRPC code.
/// </summary>
public static class StatusJson
{
    /// <summary>The detail types every service may put in an error; transcoding needs them to write <c>Any</c>.</summary>
    public static readonly TypeRegistry DetailTypes =
        TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, PreconditionFailure.Descriptor,
            ResourceInfo.Descriptor, RetryInfo.Descriptor, QuotaFailure.Descriptor, LocalizedMessage.Descriptor);

    private static readonly JsonFormatter Formatter =
        new(JsonFormatter.Settings.Default.WithTypeRegistry(DetailTypes).WithFormatDefaultValues(true));

    public static string Format(Google.Rpc.Status status) => Formatter.Format(status);

    /// <param name="httpStatus">Overrides the HTTP status the code maps to (e.g. 413 for an oversized body).</param>
    public static async Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, Google.Rpc.Status status, int? httpStatus = null)
    {
        response.StatusCode = httpStatus ?? HttpStatusFor((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Format(status));
    }

    /// <summary>The HTTP status for a gRPC code, as in google/rpc/code.proto.</summary>
    public static int HttpStatusFor(StatusCode code) => code switch
    {
        StatusCode.OK => 200,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.DeadlineExceeded => 504,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.PermissionDenied => 403,
        StatusCode.Unauthenticated => 401,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        _ => 500,
    };
}
