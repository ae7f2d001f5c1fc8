using System.Net;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Citizens read published plans, and their scorecards, without an account; nothing else.</summary>
public sealed class PublicReadingTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    private async Task CreatePlanAsync(string id, bool publish)
    {
        (await Platform.Rest.PostJsonAsync($"/v1/plans?plan_id={id}",
            """{"title":"Piano trasparente","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea di mandato"]}""")).EnsureSuccessStatusCode();
        (await Platform.Rest.PostJsonAsync($"/v1/plans/{id}/objectives?objective_id=1",
            """{"title":"Linea di mandato 1"}""")).EnsureSuccessStatusCode();
        if (!publish) return;
        foreach (var state in new[] { "ADOPTED", "APPROVED" })
            (await Platform.Rest.PostJsonAsync($"/v1/plans/{id}:transition", $$"""{"state":"{{state}}"}""")).EnsureSuccessStatusCode();
        (await Platform.Rest.PostJsonAsync($"/v1/plans/{id}:publish", """{"published":true}""")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Anonymous_reads_a_published_plan_its_tree_and_scorecard()
    {
        await CreatePlanAsync("piano-pubblico", publish: true);

        var plan = await Platform.Anonymous.GetJsonAsync("/v1/plans/piano-pubblico?ente=demo");
        Assert.True(plan.GetProperty("published").GetBoolean());
        var tree = await Platform.Anonymous.GetJsonAsync("/v1/plans/piano-pubblico:tree");
        Assert.Equal(1, tree.GetProperty("objectiveCount").GetInt32());
        var scorecard = await Platform.Anonymous.GetJsonAsync("/v1/scorecards/piano-pubblico?year=2023");
        Assert.Equal(1, scorecard.GetProperty("roots").GetArrayLength());

        // The money behind the published plan's objectives, from the Finance service.
        (await Platform.Rest.PostJsonAsync("/v1/budgets?budget_id=bilancio-pubblico",
            """{"title":"Bilancio","firstYear":2023,"lastYear":2025}""")).EnsureSuccessStatusCode();
        const string funding = "/v1/budgets/bilancio-pubblico:objectiveFunding?plan=plans/piano-pubblico";
        // A draft budget is nobody's business but the ente's; the approved one is public.
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync(funding));
        (await Platform.Rest.PostJsonAsync("/v1/budgets/bilancio-pubblico:approve", "{}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Platform.Anonymous.GetAsync(funding)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_gets_404_for_an_unpublished_plan_and_401_for_anything_else()
    {
        await CreatePlanAsync("piano-riservato", publish: false);

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/plans/piano-riservato"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/plans/piano-riservato:tree"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/scorecards/piano-riservato?year=2023"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound,
            await Platform.Anonymous.GetAsync("/v1/budgets/any:objectiveFunding?plan=plans/piano-riservato"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/budgets/any/auditEvents"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/plans/does-not-exist"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/indicators"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized,
            await Platform.Anonymous.PostJsonAsync("/v1/plans?plan_id=x", """{"title":"x","kind":"DUP","startYear":2023,"endYear":2023}"""));
    }

    [Fact]
    public async Task Anonymous_lists_the_published_plans_of_the_ente_it_names()
    {
        await CreatePlanAsync("lista-pubblica", publish: true);
        await CreatePlanAsync("lista-riservata", publish: false);

        var names = (await Platform.Anonymous.GetJsonAsync("/v1/plans?ente=demo&pageSize=500")).GetProperty("plans").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Contains("plans/lista-pubblica", names);
        Assert.DoesNotContain("plans/lista-riservata", names);
        var elsewhere = await Platform.Anonymous.GetJsonAsync("/v1/plans?ente=nessun-comune");
        Assert.False(elsewhere.TryGetProperty("plans", out var none) && none.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Anonymous_reads_the_indicators_of_a_published_plan_and_only_those()
    {
        await CreatePlanAsync("piano-misurato", publish: false);
        await CreatePlanAsync("piano-misurato-pubblico", publish: true);
        foreach (var (id, plan) in new[] { ("ind-pubblico", "piano-misurato-pubblico"), ("ind-riservato", "piano-misurato") })
        {
            (await Platform.Rest.PostJsonAsync($"/v1/indicators?indicator_id={id}",
                $$"""{"title":"Raccolta differenziata","unit":"%","objectives":["plans/{{plan}}/objectives/1"]}""")).EnsureSuccessStatusCode();
            (await Platform.Rest.PatchJsonAsync($"/v1/indicators/{id}/periods/2023?allow_missing=true", """{"target":"70","actual":"65"}""")).EnsureSuccessStatusCode();
        }

        Assert.Equal("%", (await Platform.Anonymous.GetJsonAsync("/v1/indicators/ind-pubblico?ente=demo")).GetProperty("unit").GetString());
        Assert.Equal(1, (await Platform.Anonymous.GetJsonAsync("/v1/indicators/ind-pubblico/periods?ente=demo")).GetProperty("periods").GetArrayLength());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/indicators/ind-riservato?ente=demo"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/indicators/ind-riservato/periods/2023?ente=demo"));
    }

    [Fact]
    public async Task A_signed_in_user_of_another_ente_reads_a_published_plan_as_a_citizen_does()
    {
        await CreatePlanAsync("piano-per-altri", publish: true);
        await CreatePlanAsync("piano-non-per-altri", publish: false);
        var outsider = Platform.RestAs("comune-vicino", "assessore", "reader");

        Assert.Equal("Piano trasparente", (await outsider.GetJsonAsync("/v1/plans/piano-per-altri?ente=demo")).GetProperty("title").GetString());
        Assert.Equal(1, (await outsider.GetJsonAsync("/v1/plans/piano-per-altri:tree?ente=demo")).GetProperty("objectiveCount").GetInt32());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await outsider.GetAsync("/v1/plans/piano-non-per-altri?ente=demo"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized,
            await outsider.PostJsonAsync("/v1/plans/piano-per-altri/objectives?objective_id=2&ente=demo", """{"title":"intruso"}"""));
    }

    [Fact]
    public async Task A_published_plan_of_another_ente_is_read_by_naming_that_ente()
    {
        var other = Platform.RestAs("comune-pubblico", "sindaco", "admin");
        (await other.PostJsonAsync("/v1/plans?plan_id=dup-altrove", """{"title":"DUP","kind":"DUP","startYear":2023,"endYear":2025}""")).EnsureSuccessStatusCode();
        foreach (var state in new[] { "ADOPTED", "APPROVED" })
            (await other.PostJsonAsync("/v1/plans/dup-altrove:transition", $$"""{"state":"{{state}}"}""")).EnsureSuccessStatusCode();
        (await other.PostJsonAsync("/v1/plans/dup-altrove:publish", """{"published":true}""")).EnsureSuccessStatusCode();

        Assert.Equal("DUP", (await Platform.Anonymous.GetJsonAsync("/v1/plans/dup-altrove?ente=comune-pubblico")).GetProperty("title").GetString());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/plans/dup-altrove"));
    }
}
