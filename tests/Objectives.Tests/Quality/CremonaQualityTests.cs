using Platform.Quality.V1;

namespace Objectives.Tests.Quality;

/// <summary>
/// The plan report on the Cremona DUP as the demo loads it finds the SUMMARY.md problems its rules cover, and
/// nothing on a clean synthetic plan of the same size.
/// </summary>
public sealed class CremonaQualityTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Dup = "plans/dup-2023-2025";

    /// <summary>The demo DUP as the launcher loads it: its import files through ImportFile.</summary>
    private async Task<ObjectivesService.ObjectivesServiceClient> LoadDemoAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        await CremonaDemo.LoadAsync(grpc, "dup-2023-2025", Cancellation);
        return grpc;
    }

    private static string[] Codes(ValidationReport report, string rule) =>
        report.Findings.Where(f => f.Rule == rule).Select(f => f.Resource.Split('/')[^1]).Distinct().ToArray();

    [Fact]
    public async Task The_demo_DUP_report_finds_the_misplaced_objectives_the_pairs_missing_from_1_3_4_and_the_placeholder()
    {
        var grpc = await LoadDemoAsync("cremona-quality");

        var report = await grpc.ValidatePlanAsync(new ValidatePlanRequest { Name = Dup }, Call());

        Assert.Equal(["4.2.4", "4.4.2"], Codes(report, "objective.code_not_extending_parent"));
        Assert.Equal(["4.2.4", "4.4.2", "4.5.7", "8.5.1", "8.5.2", "8.5.4", "8.5.5", "8.6.2", "8.6.3", "8.6.4", "8.6.5", "8.6.6", "8.8.1", "8.8.2"],
            Codes(report, "objective.programme_not_in_parent_map"));
        Assert.Equal(["1.2.3"], Codes(report, "objective.programme_missing"));
        Assert.Empty(Codes(report, "objective.programme_outside_mission"));
        // The owner spellings the DUP prints beside "Zanacchi Luca": Znacchi (2.1, 2.2, 9.2, 1.5.3, 2.1.4) and Zancacchi (1.5).
        var spelled = report.Findings.Where(f => f.Rule == "objective.owner_spelled_two_ways").ToList();
        Assert.Equal(["1.5", "1.5.3", "2.1", "2.1.4", "2.2", "9.2"], spelled.Select(f => f.Resource.Split('/')[^1]).Order(StringComparer.Ordinal));
        Assert.All(spelled, f => Assert.Contains("«Zanacchi Luca»", f.MessageIt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_plan_of_the_same_size_has_no_finding()
    {
        var grpc = Grpc("clean-quality");
        var plan = SyntheticPlans.Clean("pulito");
        await SyntheticPlans.CreateAsync(grpc, plan, Cancellation);

        var report = await grpc.ValidatePlanAsync(new ValidatePlanRequest { Name = plan.Name }, Call());

        Assert.Equal(1 + 10 + 38 + 175, plan.Objectives.Count + 1);
        Assert.Empty(report.Findings);
        Assert.Equal(Platform.Objectives.Quality.ObjectiveRules.All.Count, report.RulesRun);
    }
}
