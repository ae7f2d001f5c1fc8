using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.Objectives.V1;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Outages stay local to their service; stopping leaves no process; data survives a restart.</summary>
public sealed class LifecycleTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-e2e-life-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Killing_finance_only_takes_budgets_down_and_a_restart_keeps_the_data()
    {
        int[] processIds;
        await using (var platform = await RunningPlatform.StartAsync(_dataDirectory))
        {
            await new ObjectivesService.ObjectivesServiceClient(platform.Grpc).CreatePlanAsync(new CreatePlanRequest
            {
                PlanId = "kept",
                Plan = new Plan { Title = "Survives restarts", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025 },
            });
            processIds = platform.System.Children.Select(c => c.Id).ToArray();

            platform.System.Child("finance").Kill();

            var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.ServiceUnavailable, await platform.Rest.GetAsync("/v1/budgets"));
            Assert.Equal(14, rest.Code);
            await ApiAssert.GrpcFailsAsync(StatusCode.Unavailable, () =>
                new FinanceService.FinanceServiceClient(platform.Grpc).ListBudgetsAsync(new ListBudgetsRequest()).ResponseAsync);
            Assert.Equal(HttpStatusCode.OK, (await platform.Rest.GetAsync("/v1/plans")).StatusCode);
            Assert.Equal("Survives restarts",
                (await new ObjectivesService.ObjectivesServiceClient(platform.Grpc).GetPlanAsync(new GetPlanRequest { Name = "plans/kept" })).Title);
        }

        Assert.All(processIds, id => Assert.False(IsRunning(id), $"process {id} is still running after stop"));

        await using (var again = await RunningPlatform.StartAsync(_dataDirectory))
        {
            var plan = await again.Rest.GetJsonAsync("/v1/plans/kept");
            Assert.Equal("Survives restarts", plan.GetProperty("title").GetString());
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
