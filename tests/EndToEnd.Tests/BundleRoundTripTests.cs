using Google.Protobuf;
using Platform.Indicators.V1;
using Platform.Launcher.Demo;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// The whole Cremona DUP out of one ente and into a fresh one with the launcher's bundle commands: the plan,
/// every objective, progress report, indicator and period come back equal field by field (issue 11).
/// </summary>
public sealed class BundleRoundTripTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IDisposable
{
    private const string Plan = "plans/dup-2023-2025";
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-bundle-").FullName;

    private RunningPlatform Platform => fixture.Platform;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<LauncherProcess> LauncherAsync(string tenant, params string[] args) => LauncherProcess.RunAsync(300,
        [.. args, "--grpc", Platform.System.GrpcAddress.ToString(), "--token", Platform.Token(tenant, "bundle-admin", Roles.Admin)]);

    [Fact]
    public async Task The_demo_dup_exported_to_a_bundle_imports_into_a_fresh_ente_equal_field_by_field()
    {
        await DemoData.SeedIfEmptyAsync(Platform.Grpc, _ => { }, CancellationToken.None);
        var file = Path.Combine(_folder, "dup.json");

        var export = await LauncherAsync("demo", "bundle", "export", "--plan", Plan, "--out", file);
        var import = await LauncherAsync("bundle-copy", "bundle", "import", file);

        Assert.True(export.ExitCode == 0, string.Join("\n", export.ErrorLines) + export.Output);
        Assert.True(import.ExitCode == 0, string.Join("\n", import.ErrorLines) + import.Output);
        var source = Platform.Grpc;
        var copy = Platform.GrpcAs("bundle-copy", "reader", Roles.Reader);

        var (sourcePlan, copyPlan) = (await PlanAsync(source), await PlanAsync(copy));
        Assert.Equal(sourcePlan, copyPlan);
        var sourceObjectives = await ObjectivesAsync(source);
        Assert.Equal(223, sourceObjectives.Count);
        Assert.Equal(sourceObjectives, await ObjectivesAsync(copy));
        var sourceReports = await ReportsAsync(source, sourceObjectives);
        Assert.True(sourceReports.Count >= 171, $"{sourceReports.Count} reports");
        Assert.Equal(sourceReports, await ReportsAsync(copy, sourceObjectives));
        var (sourceIndicators, sourcePeriods) = await IndicatorsAsync(source);
        var (copyIndicators, copyPeriods) = await IndicatorsAsync(copy);
        Assert.True(sourceIndicators.Count >= 44, $"{sourceIndicators.Count} indicators");
        Assert.Equal(sourceIndicators, copyIndicators);
        Assert.Equal(sourcePeriods, copyPeriods);
    }

    private static async Task<Plan> PlanAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var plan = await new ObjectivesService.ObjectivesServiceClient(channel).GetPlanAsync(new GetPlanRequest { Name = Plan });
        plan.Etag = "";
        plan.CreateTime = plan.UpdateTime = null;
        plan.UpdateUser = "";
        return plan;
    }

    private static async Task<List<Objective>> ObjectivesAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var tree = await new ObjectivesService.ObjectivesServiceClient(channel).GetPlanTreeAsync(new GetPlanTreeRequest { Name = Plan });
        return [.. tree.Objectives().Select(o =>
        {
            var copy = o.Clone();
            copy.Etag = copy.CreateUser = copy.UpdateUser = "";
            copy.CreateTime = copy.UpdateTime = null;
            return copy;
        }).OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    private static async Task<List<ProgressReport>> ReportsAsync(Grpc.Net.Client.GrpcChannel channel, IEnumerable<Objective> objectives)
    {
        var client = new ObjectivesService.ObjectivesServiceClient(channel);
        var reports = new List<ProgressReport>();
        foreach (var objective in objectives)
        {
            var page = await client.ListProgressReportsAsync(new ListProgressReportsRequest { Parent = objective.Name, PageSize = 100 });
            reports.AddRange(page.Reports.Select(r =>
            {
                var copy = r.Clone();
                copy.CreateTime = null;
                copy.CreateUser = "";
                return copy;
            }));
        }
        return reports;
    }

    /// <summary>The indicators that measure the plan's objectives, with their periods.</summary>
    private static async Task<(List<Indicator> Indicators, List<Period> Periods)> IndicatorsAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var client = new IndicatorsService.IndicatorsServiceClient(channel);
        var indicators = new List<Indicator>();
        var periods = new List<Period>();
        var token = "";
        do
        {
            var page = await client.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 500, PageToken = token });
            foreach (var indicator in page.Indicators.Where(i => i.Objectives.Any(o => o.StartsWith(Plan + "/", StringComparison.Ordinal)))
                .OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var copy = indicator.Clone();
                copy.Etag = copy.UpdateUser = "";
                copy.CreateTime = copy.UpdateTime = null;
                indicators.Add(copy);
                var list = await client.ListPeriodsAsync(new ListPeriodsRequest { Parent = indicator.Name });
                periods.AddRange(list.Periods.Select(p =>
                {
                    var period = p.Clone();
                    period.Etag = period.UpdateUser = "";
                    period.UpdateTime = null;
                    return period;
                }));
            }
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (indicators, periods);
    }
}
