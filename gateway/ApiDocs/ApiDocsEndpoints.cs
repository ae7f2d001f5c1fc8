using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;

namespace Platform.Gateway.ApiDocs;

/// <summary><c>/openapi.json</c> generated from the contracts, and <c>/docs</c>, a page to read and try it.</summary>
public static class ApiDocsEndpoints
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor[] DocumentedServices =
        [ObjectivesService.Descriptor, IndicatorsService.Descriptor, FinanceService.Descriptor];

    private static readonly Lazy<string> Document = new(() =>
        OpenApiDocument.Build(DocumentedServices, "Platform API", "v1").ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(ApiDocsEndpoints).Assembly.GetManifestResourceStream("docs.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapGet("/openapi.json", () => Results.Text(Document.Value, "application/json"));
        app.MapGet("/docs", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        return app;
    }
}
