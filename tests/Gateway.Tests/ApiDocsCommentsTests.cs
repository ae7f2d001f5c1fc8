using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Gateway.ApiDocs;

namespace Gateway.Tests;

/// <summary>/openapi.json carries what the protos say: descriptions, examples, output-only and required fields.</summary>
public sealed class ApiDocsCommentsTests
{
    private static readonly JsonObject Document = OpenApiDocument.Build(ApiDocsEndpoints.DocumentedServices, "Platform API", "v1");
    private static JsonNode Schema(string name) => Document["components"]!["schemas"]![name]!;

    [Fact]
    public void Services_methods_messages_and_fields_have_the_protos_comments()
    {
        Assert.Contains(Document["tags"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "ObjectivesService" && t["description"] is not null);
        var list = Document["paths"]!["/v1/plans"]!["get"]!;
        Assert.StartsWith("Lists plans ordered by id. Without a token", list["description"]!.GetValue<string>());
        var objective = Schema("platform.objectives.v1.Objective");
        Assert.NotNull(objective["description"]);
        Assert.Contains("plans/dup-2023-2025/objectives/1.2.1", objective["properties"]!["name"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Enum_fields_list_what_their_values_mean()
    {
        var kind = Schema("platform.objectives.v1.Plan")["properties"]!["kind"]!["description"]!.GetValue<string>();
        Assert.Contains("- `DEVELOPMENT_PACT`: Territorial development pact.", kind);
    }

    [Fact]
    public void Examples_come_from_the_comments()
    {
        var unit = Schema("platform.indicators.v1.Indicator")["properties"]!["unit"]!;
        Assert.Equal("%", unit["example"]!.GetValue<string>());
    }

    [Fact]
    public void Output_only_fields_are_read_only_and_required_fields_are_listed()
    {
        var plan = Schema("platform.objectives.v1.Plan");
        Assert.True(plan["properties"]!["name"]!["readOnly"]!.GetValue<bool>());
        Assert.True(plan["properties"]!["state"]!["readOnly"]!.GetValue<bool>());
        Assert.True(plan["properties"]!["createTime"]!["readOnly"]!.GetValue<bool>());
        Assert.Null(plan["properties"]!["title"]!["readOnly"]);
        Assert.Contains("title", plan["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain("name", plan["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Docs_page_is_scalar_over_the_openapi_document()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(new Uri("http://localhost:1"));
        using var client = gateway.RestCaller();

        var page = await client.GetStringAsync("/docs");
        Assert.Contains("\"url\":\"openapi.json\"", page);
        Assert.Contains("scalar.js", page);
        Assert.Contains("Scalar", await client.GetStringAsync("/docs/scalar.js"));
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi.json"));
        Assert.Equal("3.0.3", document.RootElement.GetProperty("openapi").GetString());
    }
}
