using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Data;

namespace Indicators.Tests;

/// <summary>
/// A scorecard is built once per tree etag and data version: read again, it costs one query and is the same;
/// a new actual, a renamed objective or another ente's data each give a new one.
/// </summary>
public sealed class ScorecardCacheTests(RevisedObjectivesHost host) : IndicatorsTest(host), IClassFixture<RevisedObjectivesHost>
{
    private static FakePlan Plan(string planId, string title = "Ambiente") => FakePlan.FromCodes(planId, [("1", title)]);

    private async Task<Scorecard> ScorecardAsync(string planId, string tenant = "demo") =>
        await Grpc(tenant).GetScorecardAsync(new GetScorecardRequest { Plan = planId, Year = 2021 }, Call());

    private async Task MeasureAsync(FakePlan plan, string indicatorId, string title, string actual, string tenant = "demo")
    {
        await Grpc(tenant).CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = indicatorId, Indicator = new Indicator { Title = title, Unit = "n", Objectives = { plan.NameOf("1") } },
        }, Call());
        await Grpc(tenant).UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = $"indicators/{indicatorId}/periods/2021", Target = "100", Actual = actual },
            UpdateMask = new FieldMask { Paths = { "target", "actual" } }, AllowMissing = true,
        }, Call());
    }

    private Task SetActualAsync(string indicatorId, string actual) => Grpc().UpdatePeriodAsync(new UpdatePeriodRequest
    {
        Period = new Period { Name = $"indicators/{indicatorId}/periods/2021", Actual = actual },
        UpdateMask = new FieldMask { Paths = { "actual" } },
    }, Call()).ResponseAsync;

    private static ScorecardIndicator OnlyIndicator(Scorecard scorecard) => Assert.Single(Assert.Single(scorecard.Roots).Indicators);

    /// <summary>What <paramref name="call"/> answered and how many SQL statements the service ran for it.</summary>
    private async Task<(T Answer, int Statements)> CountingAsync<T>(Func<Task<T>> call)
    {
        var statements = 0;
        var counting = true;
        Service<Database>().ObserveCommands(_ => { if (Volatile.Read(ref counting)) Interlocked.Increment(ref statements); });
        var answer = await call();
        Volatile.Write(ref counting, false);
        return (answer, statements);
    }

    [Fact]
    public async Task A_scorecard_is_built_in_one_round_trip_and_read_again_it_is_the_same_for_one_query()
    {
        var plan = Plan("memo-twice");
        host.Revisions.Serve("demo", plan, "W/\"1\"");
        await MeasureAsync(plan, "memo-twice-i1", "Alberi piantati", "40");

        var (first, building) = await CountingAsync(() => ScorecardAsync("memo-twice"));
        var (second, reusing) = await CountingAsync(() => ScorecardAsync("memo-twice"));

        Assert.Equal(first, second);
        Assert.Equal("40.00", OnlyIndicator(second).Achievement);
        Assert.Equal(2, building); // the data version, then the indicators with their links and periods
        Assert.Equal(1, reusing); // the data version only
    }

    [Fact]
    public async Task A_new_actual_shows_in_the_scorecard_read_after_it()
    {
        var plan = Plan("memo-actual");
        host.Revisions.Serve("demo", plan, "W/\"1\"");
        await MeasureAsync(plan, "memo-actual-i1", "Alberi piantati", "40");
        await ScorecardAsync("memo-actual");
        Assert.Equal("40.00", OnlyIndicator(await ScorecardAsync("memo-actual")).Achievement);

        await SetActualAsync("memo-actual-i1", "90");

        var after = OnlyIndicator(await ScorecardAsync("memo-actual"));
        Assert.Equal("90.00", after.Achievement);
        Assert.Contains("90", after.Actual);
    }

    [Fact]
    public async Task An_objective_renamed_in_objectives_shows_in_the_next_scorecard()
    {
        host.Revisions.Serve("demo", Plan("memo-title", "Ambiente"), "W/\"1\"");
        await MeasureAsync(Plan("memo-title"), "memo-title-i1", "Alberi piantati", "40");
        await ScorecardAsync("memo-title");
        Assert.Equal("Ambiente", Assert.Single((await ScorecardAsync("memo-title")).Roots).Title);

        host.Revisions.Serve("demo", Plan("memo-title", "Ambiente e verde"), "W/\"2\"");

        Assert.Equal("Ambiente e verde", Assert.Single((await ScorecardAsync("memo-title")).Roots).Title);
    }

    [Fact]
    public async Task An_ente_never_gets_the_scorecard_built_for_another()
    {
        // The same plan id, tree and etag, and the same data version (one indicator and one period each):
        // only the ente keeps the two scorecards apart.
        var plan = Plan("memo-entes");
        foreach (var tenant in new[] { "memo-ente-a", "memo-ente-b" }) host.Revisions.Serve(tenant, plan, "W/\"3\"");
        await MeasureAsync(plan, "memo-entes-i1", "Alberi dell'ente A", "40", "memo-ente-a");
        await MeasureAsync(plan, "memo-entes-i1", "Alberi dell'ente B", "70", "memo-ente-b");

        Assert.Equal("Alberi dell'ente A", OnlyIndicator(await ScorecardAsync("memo-entes", "memo-ente-a")).Title);
        var b = OnlyIndicator(await ScorecardAsync("memo-entes", "memo-ente-b"));

        Assert.Equal("Alberi dell'ente B", b.Title);
        Assert.Equal("70.00", b.Achievement);
    }
}
