using Platform.ServiceDefaults.Security;
using Platform.Launcher.Demo;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// The launcher's demo data (the Cremona DUP, the development pact, the DUP's indicators and budget) loaded
/// through the real gateway as a client would, then read back over REST.
/// </summary>
public sealed class CremonaDemoTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static bool _done;

    private async Task SeedOnceAsync()
    {
        await Seeded.WaitAsync();
        try
        {
            if (_done) return;
            var created = await DemoData.SeedIfEmptyAsync(Platform.Grpc, _ => { }, CancellationToken.None);
            Assert.True(created?.Values.Sum() > 700, Platform.Log);
            _done = true;
        }
        finally
        {
            Seeded.Release();
        }
    }

    [Fact]
    public async Task The_dup_and_the_pact_come_back_as_trees_through_the_gateway()
    {
        await SeedOnceAsync();

        var dup = await Platform.Rest.GetJsonAsync($"/v1/plans/{CremonaPlans.DupId}:tree");
        Assert.Equal(223, dup.GetProperty("objectiveCount").GetInt32());
        var levels = dup.GetProperty("countByLevel");
        Assert.Equal(10, levels.GetProperty("Linea di mandato").GetInt32());
        Assert.Equal(38, levels.GetProperty("Obiettivo strategico").GetInt32());
        Assert.Equal(175, levels.GetProperty("Obiettivo operativo").GetInt32());

        var card = await Platform.Rest.GetJsonAsync($"/v1/plans/{CremonaPlans.DupId}/objectives/1.1.1");
        Assert.Equal("Riorganizzazioni aree verdi", card.GetProperty("title").GetString());
        Assert.Equal("Donadio Giovanni", card.GetProperty("manager").GetString());
        Assert.Equal(["9.02"], card.GetProperty("programmeCodes").EnumerateArray().Select(p => p.GetString()));

        var pact = await Platform.Rest.GetJsonAsync($"/v1/plans/{CremonaPlans.PactId}:tree");
        Assert.Equal("DEVELOPMENT_PACT", pact.GetProperty("plan").GetProperty("kind").GetString());
        Assert.Equal(8, pact.GetProperty("countByLevel").GetProperty("Asse strategico").GetInt32());
        Assert.Equal(16, pact.GetProperty("countByLevel").GetProperty("Azione emblematica").GetInt32());
    }

    private Task<LauncherProcess> LauncherAsync(params string[] args) => LauncherProcess.RunAsync(180,
        [.. args, "--grpc", Platform.System.GrpcAddress.ToString(), "--token", Platform.Token("demo", "e2e-reader", Roles.Reader)]);

    [Fact]
    public async Task The_quality_command_prints_the_three_services_findings_and_exits_3_on_errors()
    {
        await SeedOnceAsync();

        var run = await LauncherAsync("quality", "--plan", CremonaPlans.DupId);

        Assert.True(run.ExitCode == 3, string.Join("\n", run.ErrorLines) + run.Output);
        Assert.Contains($"Qualità dei dati di plans/{CremonaPlans.DupId}", run.Output);
        Assert.Contains($"plans/{CremonaPlans.DupId}/objectives/4.2.4", run.Output);
        Assert.Contains("debt.repayment_mismatch", run.Output);
        Assert.Contains("indicator.printed_achievement_mismatch", run.Output);
        Assert.Contains("indicators/dup-8-7-i1/periods/2020", run.Output);
    }

    [Fact]
    public async Task The_render_command_writes_the_dup_as_html()
    {
        await SeedOnceAsync();
        var file = Path.Combine(Platform.DataDirectory, "dup.html");

        var run = await LauncherAsync("render", "--plan", CremonaPlans.DupId, "--document", "dup", "--format", "html", "--out", file);

        Assert.True(run.ExitCode == 0, string.Join("\n", run.ErrorLines) + run.Output);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("Documento Unico di Programmazione 2023-2025", html);
        Assert.Contains("Riorganizzazioni aree verdi", html);
    }

    [Fact]
    public async Task The_2021_scorecard_of_the_dup_scores_all_ten_areas_in_one_request()
    {
        await SeedOnceAsync();

        var scorecard = await Platform.Rest.GetJsonAsync($"/v1/scorecards/{CremonaPlans.DupId}?year=2021");

        var roots = scorecard.GetProperty("roots").EnumerateArray().ToList();
        Assert.Equal(10, roots.Count);
        Assert.All(roots, area => Assert.NotEqual("", area.GetProperty("score").GetString()));
        var counts = scorecard.GetProperty("counts");
        Assert.Equal(44, new[] { "achieved", "partiallyAchieved", "notAchieved", "notMeasured", "noTarget" }
            .Sum(status => counts.GetProperty(status).GetInt32()));
    }
}
