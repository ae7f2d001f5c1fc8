using System.Text.Json.Nodes;
using Google.Api;
using Platform.Gateway.ApiDocs;

namespace Gateway.Tests;

public sealed class OpenApiTests
{
    private static readonly JsonObject Document = OpenApiDocument.Build(ApiDocsEndpoints.DocumentedServices, "Platform API", "v1");

    [Theory]
    [InlineData("/v1/plans", "/v1/plans", new string[0])]
    [InlineData("/v1/{name=plans/*}", "/v1/plans/{plan}", new[] { "plan" })]
    [InlineData("/v1/{plan.name=plans/*}", "/v1/plans/{plan}", new[] { "plan" })]
    [InlineData("/v1/{name=plans/*/objectives/*}:move", "/v1/plans/{plan}/objectives/{objective}:move", new[] { "plan", "objective" })]
    [InlineData("/v1/{name=indicators/*/periods/*}", "/v1/indicators/{indicator}/periods/{period}", new[] { "indicator", "period" })]
    [InlineData("/v1/scorecards/{plan}", "/v1/scorecards/{plan}", new[] { "plan" })]
    public void Rule_templates_become_openapi_paths(string template, string path, string[] variables)
    {
        var route = Route.Parse(template);
        Assert.Equal(path, route.OpenApiPath);
        Assert.Equal(variables, route.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Every_rest_binding_of_every_service_is_documented()
    {
        var paths = Document["paths"]!.AsObject();
        var expected = 0;
        foreach (var service in ApiDocsEndpoints.DocumentedServices)
            foreach (var method in service.Methods.Where(m => !m.IsClientStreaming))
            {
                var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
                Assert.NotNull(rule);
                foreach (var binding in new[] { rule! }.Concat(rule!.AdditionalBindings))
                {
                    var (verb, template) = binding.PatternCase switch
                    {
                        HttpRule.PatternOneofCase.Get => ("get", binding.Get),
                        HttpRule.PatternOneofCase.Post => ("post", binding.Post),
                        HttpRule.PatternOneofCase.Patch => ("patch", binding.Patch),
                        HttpRule.PatternOneofCase.Put => ("put", binding.Put),
                        HttpRule.PatternOneofCase.Delete => ("delete", binding.Delete),
                        _ => (binding.Custom.Kind.ToLowerInvariant(), binding.Custom.Path),
                    };
                    var item = paths[Route.Parse(template).OpenApiPath];
                    Assert.True(item?[verb] is not null, $"{service.Name}.{method.Name}: {verb} {template} is missing");
                    Assert.Equal($"{service.Name}_{method.Name}", item![verb]!["operationId"]!.GetValue<string>());
                    expected++;
                }
            }
        Assert.Equal(expected, paths.Sum(p => p.Value!.AsObject().Count));
    }

    [Fact]
    public void Create_plan_takes_the_plan_as_body_and_its_id_from_the_query()
    {
        var post = Document["paths"]!["/v1/plans"]!["post"]!;
        Assert.Equal(["plan_id"], post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("#/components/schemas/platform.objectives.v1.Plan",
            post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        var plan = Document["components"]!["schemas"]!["platform.objectives.v1.Plan"]!["properties"]!;
        Assert.Equal("integer", plan["startYear"]!["type"]!.GetValue<string>());
        Assert.Equal("date-time", plan["createTime"]!["format"]!.GetValue<string>());
        Assert.Contains("DUP", plan["kind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Update_takes_the_mask_from_the_query_and_requires_a_bearer_token()
    {
        var patch = Document["paths"]!["/v1/plans/{plan}"]!["patch"]!;
        Assert.Contains("update_mask", patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("bearer", Document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
    }
}
