using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Scalar.AspNetCore;

namespace Platform.Gateway.ApiDocs;

/// <summary><c>/openapi.json</c> generated from the contracts, and <c>/docs</c>, Scalar's page to read and try it.</summary>
public static class ApiDocsEndpoints
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor[] DocumentedServices =
        [ObjectivesService.Descriptor, IndicatorsService.Descriptor, FinanceService.Descriptor, Platform.Documents.V1.DocumentsService.Descriptor];

    private static readonly Lazy<string> Document = new(() =>
        OpenApiDocument.Build(DocumentedServices, "Platform API", "v1").ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapGet("/openapi.json", () => Results.Text(Document.Value, "application/json"));
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Platform API")
            .WithOpenApiRoutePattern("/openapi.json"));
        return app;
    }
}
