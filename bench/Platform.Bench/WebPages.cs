using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Launcher.Demo;
using Platform.Objectives.V1;

namespace Platform.Bench;

/// <summary>Server time of the web application's pages (it reads the gateway's REST API), one call at a time.</summary>
public static class WebPages
{
    public static async Task RunAsync(BenchContext bench)
    {
        if (bench.System.WebAddress is null) return;
        // Through the gateway, where a browser opens the app.
        var web = bench.System.RestAddress;
        var objectives = new ObjectivesService.ObjectivesServiceClient(bench.Grpc);
        await PublishAsync(objectives, $"plans/{CremonaPlans.DupId}");
        await ApproveAsync(new FinanceService.FinanceServiceClient(bench.Grpc), $"budgets/{CremonaFinanceTables.BudgetId}");
        var tree = await objectives.GetPlanTreeAsync(new GetPlanTreeRequest { Name = $"plans/{CremonaPlans.DupId}" });
        var indicator = (await new IndicatorsService.IndicatorsServiceClient(bench.Grpc)
            .ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 1 })).Indicators[0].Name.Split('/')[1];
        var objective = tree.Roots[0].Children.FirstOrDefault()?.Objective.Code ?? tree.Roots[0].Objective.Code;
        (string Name, string Path)[] pages =
        [
            ("home", "/"),
            ("plan page", $"/piani/{CremonaPlans.DupId}?anno=2021"),
            ("objective page", $"/piani/{CremonaPlans.DupId}/obiettivi/{objective}?anno=2021"),
            ("indicator page", $"/indicatori/{indicator}"),
            ("budget page", $"/bilancio/{CremonaFinanceTables.BudgetId}"),
            ("PNRR page", "/investimenti"),
        ];
        using var client = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
        var p95 = pages.ToDictionary(p => p.Name, _ => new List<double>());
        var p50 = pages.ToDictionary(p => p.Name, _ => new List<double>());
        foreach (var (_, path) in pages) await OpenLoop.SequentialAsync(client, path, 3);
        for (var round = 0; round < bench.Settings.Rounds; round++)
            foreach (var (name, path) in pages)
            {
                var samples = await OpenLoop.SequentialAsync(client, path, bench.Settings.Quick ? 10 : 30);
                p95[name].Add(Stats.Percentile(samples, 95));
                p50[name].Add(Stats.Percentile(samples, 50));
            }
        bench.SampleLoad();
        bench.Line("## Web pages (server time through the gateway, a citizen's call, one at a time; goal p95 < 200 ms)");
        bench.Line();
        bench.Line("| page | p50 ms | p95 ms |");
        bench.Line("|---|---|---|");
        foreach (var (name, path) in pages) bench.Line($"| {name} `{path}` | {Stats.Spread(p50[name], "F1")} | {Stats.Spread(p95[name], "F1")} |");
        bench.Line();
    }

    /// <summary>Citizens read approved budgets only (and then the ente's investments): the demo's budget is approved for them.</summary>
    private static async Task ApproveAsync(FinanceService.FinanceServiceClient finance, string name)
    {
        if ((await finance.GetBudgetAsync(new GetBudgetRequest { Name = name })).State != Budget.Types.State.Approved)
            await finance.ApproveBudgetAsync(new ApproveBudgetRequest { Name = name });
    }

    /// <summary>The web application shows published plans only; the demo's DUP is approved and published for it.</summary>
    private static async Task PublishAsync(ObjectivesService.ObjectivesServiceClient objectives, string name)
    {
        var plan = await objectives.GetPlanAsync(new GetPlanRequest { Name = name });
        if (plan.Published) return;
        if (plan.State < Plan.Types.State.Approved)
            plan = await objectives.TransitionPlanAsync(new TransitionPlanRequest { Name = name, State = Plan.Types.State.Approved });
        await objectives.PublishPlanAsync(new PublishPlanRequest { Name = name, Published = true });
    }
}
