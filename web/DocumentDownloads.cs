using System.Net;
using Microsoft.Net.Http.Headers;
using Platform.Web.Api;
using Platform.Web.Session;

namespace Platform.Web;

/// <summary>
/// "Scarica il documento": the plan's PDF, DOCX or HTML from the Documents service, fetched with the session's
/// token (staff download unpublished plans; no token is ever in an address) and streamed back as an attachment.
/// </summary>
public static class DocumentDownloads
{
    public static string Link(string ente, string plan, string document, string format, int year) =>
        $"/piani/{Uri.EscapeDataString(plan)}/documento?documento={Uri.EscapeDataString(document)}&formato={Uri.EscapeDataString(format)}" +
        $"&anno={year}&ente={Uri.EscapeDataString(ente)}";

    public static WebApplication MapDocumentDownloads(this WebApplication app)
    {
        app.MapGet("/piani/{plan}/documento", async (HttpContext context, PlatformApi api, Caller caller, string plan,
            string? documento, string? formato, int? anno, string? ente) =>
        {
            var cancellationToken = context.RequestAborted;
            using var answer = await api.RenderDocumentAsync(caller.Ente(ente), plan, documento ?? "", formato ?? "", anno ?? 0, cancellationToken);
            // Not found, or not readable by this caller: for a reader both are "not found" (the app's page).
            if (answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                return Results.NotFound();
            if (answer.StatusCode == HttpStatusCode.BadRequest)
                return Results.Text("Documento o formato non valido.", "text/plain; charset=utf-8", statusCode: 400);
            if (!answer.IsSuccessStatusCode)
                return Results.Text("Il documento non è disponibile ora: riprova tra poco.", "text/plain; charset=utf-8", statusCode: 503);
            var response = context.Response;
            response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            if (answer.Content.Headers.ContentLength is { } length) response.ContentLength = length;
            response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
            {
                FileNameStar = $"{plan}-{documento}{(anno is { } year ? $"-{year}" : "")}.{formato?.ToLowerInvariant()}",
            }.ToString();
            await answer.Content.CopyToAsync(response.Body, cancellationToken);
            return Results.Empty;
        });
        return app;
    }
}
