using Grpc.Core;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;

namespace Platform.Quality.V1;

/// <summary>One service's report in a gathered one, with the service's Italian name.</summary>
public sealed record ServiceReport(string Service, ValidationReport Report);

/// <summary>Every service's findings for one plan, in the order they were asked.</summary>
public sealed record GatheredReport(string Plan, IReadOnlyList<ServiceReport> Reports)
{
    public IEnumerable<Finding> Findings => Reports.SelectMany(r => r.Report.Findings);

    public int Count(Severity severity) => Findings.Count(f => !f.Silenced && f.Severity == severity);
}

/// <summary>
/// The call sequence that gathers a plan's data-quality findings from all three services (docs/DATA_QUALITY.md):
/// ValidatePlan, ValidatePlanIndicators, ValidateBudget for the budgets given (every budget of the ente when
/// none is), ValidateInvestments. The calls are independent and run concurrently; no rule runs here.
/// </summary>
public static class QualityGathering
{
    public static async Task<GatheredReport> GatherAsync(CallInvoker invoker, string plan, IReadOnlyList<string>? budgets,
        CallOptions options)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(invoker);
        var indicators = new IndicatorsService.IndicatorsServiceClient(invoker);
        var finance = new FinanceService.FinanceServiceClient(invoker);
        var budgetNames = budgets is { Count: > 0 } ? budgets : await AllBudgetsAsync(finance, options);
        var calls = new List<(string Service, Task<ValidationReport> Call)>
        {
            ("Obiettivi", objectives.ValidatePlanAsync(new ValidatePlanRequest { Name = plan }, options).ResponseAsync),
            ("Indicatori", indicators.ValidatePlanIndicatorsAsync(new ValidatePlanIndicatorsRequest { Plan = plan }, options).ResponseAsync),
        };
        calls.AddRange(budgetNames.Select(b => ("Bilancio", finance.ValidateBudgetAsync(new ValidateBudgetRequest { Name = b }, options).ResponseAsync)));
        calls.Add(("Investimenti", finance.ValidateInvestmentsAsync(new ValidateInvestmentsRequest(), options).ResponseAsync));
        await Task.WhenAll(calls.Select(c => c.Call));
        return new GatheredReport(plan, calls.Select(c => new ServiceReport(c.Service, c.Call.Result)).ToList());
    }

    private static async Task<IReadOnlyList<string>> AllBudgetsAsync(FinanceService.FinanceServiceClient finance, CallOptions options)
    {
        var names = new List<string>();
        var request = new ListBudgetsRequest { PageSize = 500 };
        do
        {
            var page = await finance.ListBudgetsAsync(request, options);
            names.AddRange(page.Budgets.Select(b => b.Name));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return names;
    }
}
