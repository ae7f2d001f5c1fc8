using System.Text;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Checks a transcoded REST call before transcoding does: every query parameter must be a field of the request
/// (a typo such as <c>?pagesize=</c> is a 400, like an unknown JSON field), and the JSON body is read strictly by
/// <see cref="JsonBodyReader"/>, which names the offending field. Transcoding then reads the canonical body.
/// </summary>
public sealed class RestBodyValidation(RequestDelegate next)
{
    /// <summary>Query parameters that belong to the platform, not to a request message.</summary>
    private static readonly HashSet<string> PlatformParameters = [ClaimsRequestContext.PublicEnteQuery];

    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>();
        if (metadata is null)
        {
            await next(context);
            return;
        }

        var input = metadata.MethodDescriptor.InputType;
        var violations = context.Request.Query.Keys
            .Where(key => !PlatformParameters.Contains(key) && !IsFieldPath(input, key))
            .Select(key => new BadRequest.Types.FieldViolation
            {
                Field = key,
                Description = $"is not a parameter of {metadata.MethodDescriptor.Name} (known: {string.Join(", ", input.Fields.InDeclarationOrder().Select(f => f.JsonName))})",
            })
            .ToList();
        if (violations.Count > 0)
        {
            await WriteAsync(context, ApiErrors.InvalidArgument(violations));
            return;
        }

        var bodyField = metadata.HttpRule.Body;
        if (!string.IsNullOrEmpty(bodyField) && IsJson(context.Request.ContentType))
        {
            var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
            if (!string.IsNullOrWhiteSpace(body))
            {
                var target = bodyField == "*" ? input : input.FindFieldByName(bodyField)?.MessageType;
                if (target is not null)
                {
                    var result = JsonBodyReader.Read(body, target, bodyField == "*" ? "" : bodyField);
                    if (result.Violation is not null)
                    {
                        await WriteAsync(context, ApiErrors.InvalidArgument([result.Violation]));
                        return;
                    }
                    body = result.CanonicalJson!;
                }
            }
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }
        await next(context);
    }

    /// <summary>Whether <paramref name="path"/> (<c>page_size</c>, <c>pageSize</c>, <c>filter.year</c>) names a field.</summary>
    private static bool IsFieldPath(MessageDescriptor message, string path)
    {
        MessageDescriptor? current = message;
        foreach (var part in path.Split('.'))
        {
            var field = current?.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == part || f.Name == part);
            if (field is null) return false;
            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }
        return true;
    }

    private static Task WriteAsync(HttpContext context, RpcException error) =>
        StatusJson.WriteAsync(context.Response, ErrorLocalization.ForCaller(error, context).GetRpcStatus()!);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
