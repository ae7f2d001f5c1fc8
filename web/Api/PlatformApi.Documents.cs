namespace Platform.Web.Api;

public sealed partial class PlatformApi
{
    /// <summary>
    /// A plan's document from the Documents service (<c>GET /v1/plans/{plan}:render</c>) with the caller's
    /// identity, its body not yet read so it can be streamed on; the caller disposes the answer.
    /// </summary>
    public async Task<HttpResponseMessage> RenderDocumentAsync(string ente, string plan, string document, string format, int year,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"v1/plans/{E(plan)}:render?document={E(document)}&format={E(format)}&year={year}&ente={E(ente)}");
        await AuthorizeAsync(request);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
