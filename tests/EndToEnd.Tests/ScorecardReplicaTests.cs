using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Indicators.V1;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Each Indicators replica reuses the scorecards it built only while the data it shares with the other replicas is unchanged.</summary>
public sealed class ScorecardReplicaTests
{
    [Fact]
    public async Task A_new_actual_written_through_one_replica_shows_in_the_scorecards_of_both()
    {
        await using var platform = await RunningPlatform.StartAsync(replicas: new Dictionary<string, int> { ["indicators"] = 2 });
        (await platform.Rest.PostJsonAsync("/v1/plans?plan_id=memo-replicas",
            """{"title":"Piano","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea"]}""")).EnsureSuccessStatusCode();
        (await platform.Rest.PostJsonAsync("/v1/plans/memo-replicas/objectives?objective_id=1", """{"title":"Linea 1"}""")).EnsureSuccessStatusCode();
        var headers = new Metadata { { "authorization", $"Bearer {platform.Token("demo", "e2e-planner", Roles.Admin)}" } };
        using var first = GrpcChannel.ForAddress(platform.System.Child("indicators-1").Address);
        using var second = GrpcChannel.ForAddress(platform.System.Child("indicators-2").Address);
        var replicas = new[] { first, second }.Select(c => new IndicatorsService.IndicatorsServiceClient(c)).ToList();

        await replicas[0].CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "memo-replicas-i1",
            Indicator = new Indicator { Title = "Alberi piantati", Unit = "n", Objectives = { "plans/memo-replicas/objectives/1" } },
        }, headers);
        Task SetAsync(IndicatorsService.IndicatorsServiceClient replica, string actual) => replica.UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = "indicators/memo-replicas-i1/periods/2023", Target = "100", Actual = actual },
            UpdateMask = new FieldMask { Paths = { "target", "actual" } }, AllowMissing = true,
        }, headers).ResponseAsync;
        async Task<string> AchievementAsync(IndicatorsService.IndicatorsServiceClient replica) =>
            Assert.Single(Assert.Single((await replica.GetScorecardAsync(new GetScorecardRequest { Plan = "memo-replicas", Year = 2023 }, headers)).Roots)
                .Indicators).Achievement;

        await SetAsync(replicas[0], "40");
        foreach (var replica in replicas) Assert.Equal("40.00", await AchievementAsync(replica));

        await SetAsync(replicas[0], "90");

        foreach (var replica in replicas) Assert.Equal("90.00", await AchievementAsync(replica));
    }
}
