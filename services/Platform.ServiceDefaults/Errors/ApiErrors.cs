using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The errors every service returns, as <c>google.rpc.Status</c> with <c>ErrorInfo</c> (and field violations
/// where they apply). Thrown through <c>ToRpcException()</c> so gRPC trailers and transcoded REST bodies carry
/// the same details.
/// </summary>
public static class ApiErrors
{
    public const string Domain = "platform.local";

    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var all = violations.ToList();
        var listed = all.Take(ErrorLimits.MaxViolations).Select(v => new BadRequest.Types.FieldViolation
        {
            Field = ErrorLimits.Clip(v.Field, ErrorLimits.MaxFieldLength),
            Description = ErrorLimits.Clip(v.Description, ErrorLimits.MaxDescriptionLength),
        }).ToList();
        var summary = string.Join("; ", listed.Take(5).Select(v => $"{v.Field}: {v.Description}"));
        if (all.Count > 5) summary += $" (and {all.Count - 5} more)";
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(listed);
        return all.Count > listed.Count
            ? Build(Code.InvalidArgument, $"Invalid request: {summary}", "INVALID_ARGUMENT", badRequest,
                ("violations_total", all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("violations_listed", listed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : Build(Code.InvalidArgument, $"Invalid request: {summary}", "INVALID_ARGUMENT", badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public static RpcException NotFound(string resourceName) =>
        Build(Code.NotFound, $"{ErrorLimits.Clip(resourceName, ErrorLimits.MaxValueLength)} not found", "NOT_FOUND", null, ("resource", resourceName));

    public static RpcException AlreadyExists(string resourceName) =>
        Build(Code.AlreadyExists, $"{ErrorLimits.Clip(resourceName, ErrorLimits.MaxValueLength)} already exists", "ALREADY_EXISTS", null, ("resource", resourceName));

    public static RpcException EtagMismatch(string resourceName, string currentEtag) =>
        Build(Code.Aborted, $"{resourceName} was changed by someone else (etag is now {currentEtag}); read it again and retry",
            "ETAG_MISMATCH", null, ("resource", resourceName), ("etag", currentEtag));

    /// <summary>
    /// The resource's state forbids the call (archived, approved, has children...): FAILED_PRECONDITION with a
    /// <c>PreconditionFailure</c> naming the state and the resource.
    /// </summary>
    public static RpcException FailedPrecondition(string reason, string message, params (string Key, string Value)[] metadata)
    {
        var subject = metadata.FirstOrDefault(m => m.Key == "resource").Value ?? "";
        var failure = new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = reason, Subject = subject, Description = message } },
        };
        return Build(Code.FailedPrecondition, message, reason, null, metadata, failure);
    }

    public static RpcException Unauthenticated(string message) =>
        Build(Code.Unauthenticated, message, "UNAUTHENTICATED", null);

    public static RpcException PermissionDenied(string message) =>
        Build(Code.PermissionDenied, message, "PERMISSION_DENIED", null);

    public static RpcException Unavailable(string message) =>
        Build(Code.Unavailable, message, "UNAVAILABLE", null);

    public static RpcException Internal(string traceId) =>
        Build(Code.Internal, $"Internal error (trace {traceId})", "INTERNAL", null, ("trace_id", traceId));

    private static RpcException Build(Code code, string message, string reason, BadRequest? badRequest,
        params (string Key, string Value)[] metadata) => Build(code, message, reason, badRequest, metadata, null);

    private static RpcException Build(Code code, string message, string reason, BadRequest? badRequest,
        (string Key, string Value)[] metadata, PreconditionFailure? failure)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata) info.Metadata[key] = ErrorLimits.Clip(value, ErrorLimits.MaxValueLength);
        if (failure is not null)
            foreach (var violation in failure.Violations)
            {
                violation.Subject = ErrorLimits.Clip(violation.Subject, ErrorLimits.MaxValueLength);
                violation.Description = ErrorLimits.Clip(violation.Description, ErrorLimits.MaxDescriptionLength);
            }
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = ErrorLimits.Clip(message, ErrorLimits.MaxMessageLength),
            Details = { Any.Pack(info) },
        };
        if (badRequest is not null) status.Details.Add(Any.Pack(badRequest));
        if (failure is not null) status.Details.Add(Any.Pack(failure));
        return status.ToRpcException();
    }
}
