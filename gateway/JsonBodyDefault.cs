namespace Platform.Gateway;

/// <summary>
/// REST bodies are always JSON. A body sent without a content type, or with the form type curl uses for
/// <c>-d</c>, is passed on as JSON so that <c>curl -d '{...}'</c> just works.
/// </summary>
public sealed class JsonBodyDefault(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/v1") && request.ContentLength != 0
            && (string.IsNullOrEmpty(request.ContentType)
                || request.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)))
        {
            request.ContentType = "application/json";
        }
        return next(context);
    }
}
