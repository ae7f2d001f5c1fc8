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
        var funding = await Platform.Anonymous.GetAsync("/v1/budgets/bilancio-pubblico:objectiveFunding?plan=plans/piano-pubblico");
        Assert.Equal(HttpStatusCode.OK, funding.StatusCode);
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
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/budgets"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Anonymous.GetAsync("/v1/plans/does-not-exist"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/plans"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/indicators"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized,
            await Platform.Anonymous.PostJsonAsync("/v1/plans?plan_id=x", """{"title":"x","kind":"DUP","startYear":2023,"endYear":2023}"""));
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
