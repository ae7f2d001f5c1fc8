using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Reads the JSON body of a transcoded REST call with the strict protobuf JSON parser before transcoding
/// does, so malformed JSON, unknown fields and wrong value types come back as 400 with a field violation
/// that names the body field and says what is wrong (transcoding alone answers with a bare message).
/// </summary>
public sealed class RestBodyValidation(RequestDelegate next)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        var bodyField = metadata?.HttpRule.Body;
        if (metadata is null || string.IsNullOrEmpty(bodyField) || !IsJson(context.Request.ContentType))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
            body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;

        var input = metadata.MethodDescriptor.InputType;
        var target = bodyField == "*" ? input : input.FindFieldByName(bodyField)?.MessageType;
        var error = target is null || string.IsNullOrWhiteSpace(body) ? null : TryParse(body, target);
        if (error is null)
        {
            await next(context);
            return;
        }

        var field = bodyField == "*" ? "body" : bodyField;
        var violations = new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = error } } };
        var status = new Google.Rpc.Status
        {
            Code = (int)Grpc.Core.StatusCode.InvalidArgument,
            Message = $"Invalid request: {field}: {error}",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = "INVALID_ARGUMENT", Domain = ApiErrors.Domain }),
                Any.Pack(violations),
            },
        };
        await StatusJson.WriteAsync(context.Response, status);
    }

    private static string? TryParse(string body, MessageDescriptor target)
    {
        try
        {
            Parser.Parse(body, target);
            return null;
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            return "is not valid JSON for this request: " + ex.Message;
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
