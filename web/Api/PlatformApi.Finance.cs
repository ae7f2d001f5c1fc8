namespace Platform.Web.Api;

/// <summary>The Finance service's reads: budgets, their lines, balances, debt and indicators, and investments.</summary>
public sealed partial class PlatformApi
{
    public Task<BudgetList?> ListBudgetsAsync(string ente) => GetAsync<BudgetList>($"v1/budgets?pageSize=500&ente={E(ente)}");

    public Task<Budget?> GetBudgetAsync(string ente, string budget) => GetAsync<Budget>($"v1/budgets/{E(budget)}?ente={E(ente)}");

    /// <summary>Totals of one kind of line (REVENUE, SPENDING) for a year and stage, grouped by the given levels.</summary>
    public Task<LineSummary?> SummarizeLinesAsync(string ente, string budget, string kind, int year, string stage, params string[] groupBy) =>
        GetAsync<LineSummary>($"v1/budgets/{E(budget)}/lines:summarize?kind={kind}&year={year}&stage={E(stage)}" +
            string.Concat(groupBy.Select(g => $"&groupBy={g}")) + $"&ente={E(ente)}");

    public Task<BudgetBalances?> GetBalancesAsync(string ente, string budget, int year, string stage) =>
        GetAsync<BudgetBalances>($"v1/budgets/{E(budget)}:balances?year={year}&stage={E(stage)}&ente={E(ente)}");

    public Task<DebtSchedule?> GetDebtScheduleAsync(string ente, string budget) =>
        GetAsync<DebtSchedule>($"v1/budgets/{E(budget)}/debtSchedule?ente={E(ente)}");

    public Task<FinancialIndicators?> GetFinancialIndicatorsAsync(string ente, string budget, int year, string stage) =>
        GetAsync<FinancialIndicators>($"v1/budgets/{E(budget)}:indicators?year={year}&stage={E(stage)}&ente={E(ente)}");

    /// <summary>The money of an objective's programmes in a budget, with the programmes' national names.</summary>
    public Task<ObjectiveFunding?> GetObjectiveFundingAsync(string ente, string budget, string plan, string code) =>
        GetAsync<ObjectiveFunding>($"v1/budgets/{E(budget)}:objectiveFunding?objective={E($"plans/{plan}/objectives/{code}")}&ente={E(ente)}");

    /// <summary>Every investment, page after page, optionally of one PNRR mission.</summary>
    public async Task<List<Investment>?> ListInvestmentsAsync(string ente, string? mission)
    {
        var all = new List<Investment>();
        var token = "";
        do
        {
            var page = await GetAsync<InvestmentList>($"v1/investments?pageSize=500&pageToken={E(token)}&ente={E(ente)}" +
                (string.IsNullOrEmpty(mission) ? "" : $"&pnrrMission={E(mission)}"));
            if (page is null) return null;
            all.AddRange(page.Investments ?? []);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    public Task<InvestmentSummary?> SummarizeInvestmentsAsync(string ente) =>
        GetAsync<InvestmentSummary>($"v1/investments:summarize?ente={E(ente)}");
}
