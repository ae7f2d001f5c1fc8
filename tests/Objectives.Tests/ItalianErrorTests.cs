using System.Text.Json;
using Google.Rpc;

namespace Objectives.Tests;

/// <summary>Errors carry Italian texts for callers that ask for Italian; the English message stays (issue 9, defect 18).</summary>
public sealed class ItalianErrorTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string BadPlan = """{"title":"","kind":"DUP","startYear":2025,"endYear":2023}""";

    private async Task<List<JsonElement>> ItalianRestErrorDetailsAsync()
    {
        var rest = Rest();
        rest.DefaultRequestHeaders.AcceptLanguage.ParseAdd("it-IT,it;q=0.9,en;q=0.5");
        var response = await rest.PostJsonAsync("/v1/plans?plan_id=italiano", BadPlan, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.StartsWith("Invalid request", json.RootElement.GetProperty("message").GetString());
        return json.RootElement.GetProperty("details").EnumerateArray().Select(d => d.Clone()).ToList();
    }

    [Fact]
    public async Task Rest_error_has_an_italian_localized_message_for_accept_language_it_and_keeps_the_english_one()
    {
        var details = await ItalianRestErrorDetailsAsync();

        var localized = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.LocalizedMessage");
        Assert.Equal("it-IT", localized.GetProperty("locale").GetString());
        Assert.Contains("plan.title: è obbligatorio", localized.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rest_field_violations_are_in_italian_for_accept_language_it()
    {
        var details = await ItalianRestErrorDetailsAsync();

        var violations = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().ToList();
        Assert.Equal("è obbligatorio", violations[0].GetProperty("localizedMessage").GetProperty("message").GetString());
        Assert.Equal("non può precedere start_year", violations[1].GetProperty("localizedMessage").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Grpc_errors_are_in_italian_for_accept_language_metadata()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Grpc().GetPlanAsync(new GetPlanRequest { Name = "plans/missing" },
            Call(new Metadata { { "accept-language", "it" } })).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("plans/missing not found", ex.Status.Detail);
        Assert.Equal("plans/missing non trovato", ex.GetRpcStatus()!.GetDetail<LocalizedMessage>()!.Message);
    }

    [Fact]
    public async Task Without_italian_there_is_no_localized_message()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Grpc().GetPlanAsync(new GetPlanRequest { Name = "plans/missing" }, Call()).ResponseAsync);

        Assert.Null(ex.GetRpcStatus()!.GetDetail<LocalizedMessage>());
    }
}
