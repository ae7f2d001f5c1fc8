using Google.Protobuf.WellKnownTypes;

namespace Indicators.Tests;

/// <summary>
/// The scorecard holds the plan's BASIC tree between calls and revalidates it with Objectives each time:
/// changes show at once, each ente gets its own tree, and Objectives still decides who may read the plan.
/// </summary>
public sealed class ScorecardTreeCacheTests(RevisedObjectivesHost host) : IndicatorsTest(host), IClassFixture<RevisedObjectivesHost>
{
    private static FakePlan Plan(string planId, params string[] codes) =>
        FakePlan.FromCodes(planId, codes.Select(code => (code, $"Obiettivo {code}")));

    private async Task<Scorecard> ScorecardAsync(string planId, string tenant = "demo") =>
        await Grpc(tenant).GetScorecardAsync(new GetScorecardRequest { Plan = planId, Year = 2021 }, Call());

    private static IEnumerable<string> Codes(Scorecard scorecard) => Walk(scorecard.Roots).Select(n => n.Code);

    private static IEnumerable<ScorecardNode> Walk(IEnumerable<ScorecardNode> nodes) =>
        nodes.SelectMany(n => Walk(n.Children).Prepend(n));

    [Fact]
    public async Task A_new_objective_shows_in_the_next_scorecard_and_an_unchanged_tree_is_revalidated()
    {
        host.Revisions.Serve("demo", Plan("cache-new", "1", "1.1"), "W/\"1\"");
        Assert.Equal(["1", "1.1"], Codes(await ScorecardAsync("cache-new")));

        var revalidated = host.Revisions.NotModifiedAnswers;
        Assert.Equal(["1", "1.1"], Codes(await ScorecardAsync("cache-new")));
        Assert.Equal(revalidated + 1, host.Revisions.NotModifiedAnswers);

        host.Revisions.Serve("demo", Plan("cache-new", "1", "1.1", "2"), "W/\"2\"");
        Assert.Equal(["1", "1.1", "2"], Codes(await ScorecardAsync("cache-new")));
    }

    [Fact]
    public async Task A_new_actual_shows_in_the_next_scorecard()
    {
        var plan = Plan("cache-actual", "1");
        host.Revisions.Serve("demo", plan, "W/\"1\"");
        await Grpc().CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "cache-actual-i1", Indicator = new Indicator { Title = "Alberi piantati", Unit = "n", Objectives = { plan.NameOf("1") } },
        }, Call());
        Task SetAsync(string field, string value) => Grpc().UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = "indicators/cache-actual-i1/periods/2021", Target = field == "target" ? value : "", Actual = field == "actual" ? value : "" },
            UpdateMask = new FieldMask { Paths = { field } }, AllowMissing = true,
        }, Call()).ResponseAsync;
        await SetAsync("target", "100");
        Assert.Equal("", Assert.Single(Assert.Single((await ScorecardAsync("cache-actual")).Roots).Indicators).Actual);

        await SetAsync("actual", "40");
        var first = Assert.Single(Assert.Single((await ScorecardAsync("cache-actual")).Roots).Indicators);
        await SetAsync("actual", "90");
        var second = Assert.Single(Assert.Single((await ScorecardAsync("cache-actual")).Roots).Indicators);

        Assert.NotEqual(first.Actual, second.Actual);
        Assert.Contains("90", second.Actual);
        Assert.NotEqual(first.Achievement, second.Achievement);
    }

    [Fact]
    public async Task Two_entes_with_the_same_plan_id_and_etag_each_get_their_own_tree()
    {
        // The same etag on purpose: only the ente in the key keeps the trees apart.
        host.Revisions.Serve("demo", Plan("cache-shared-id", "1", "2"), "W/\"7\"");
        host.Revisions.Serve("comune-di-altrove", Plan("cache-shared-id", "9"), "W/\"7\"");

        Assert.Equal(["1", "2"], Codes(await ScorecardAsync("cache-shared-id")));
        Assert.Equal(["9"], Codes(await ScorecardAsync("cache-shared-id", "comune-di-altrove")));
        Assert.Equal(["1", "2"], Codes(await ScorecardAsync("cache-shared-id")));
        Assert.Equal(["9"], Codes(await ScorecardAsync("cache-shared-id", "comune-di-altrove")));
    }

    [Fact]
    public async Task A_held_tree_is_not_served_to_a_caller_objectives_refuses()
    {
        host.Revisions.Serve("comune-chiuso", Plan("cache-refused", "1"), "W/\"1\"");
        Assert.Equal(["1"], Codes(await ScorecardAsync("cache-refused", "comune-chiuso")));

        host.Revisions.Refuse("comune-chiuso");
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => ScorecardAsync("cache-refused", "comune-chiuso"));
    }
}
