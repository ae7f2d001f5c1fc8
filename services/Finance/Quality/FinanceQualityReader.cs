using Platform.Finance.Balances;
using Platform.Finance.Budgets;
using Platform.Finance.Debt;
using Platform.Finance.Investments;
using Platform.Finance.Lines;

namespace Platform.Finance.Quality;

/// <summary>Reads what the budget and investment rules check, through the stores the other RPCs use.</summary>
public sealed class FinanceQualityReader(BudgetStore budgets, LineStore lines, DebtStore debt, InvestmentStore investments)
{
    public async Task<BudgetData> BudgetAsync(RequestIdentity who, string budgetId, CancellationToken ct)
    {
        var budget = await budgets.GetRowAsync(who, budgetId, ct);
        var ledger = await lines.LedgerAsync(who, budgetId, ct);
        var balances = budget.Stages.OrderBy(s => s.Year).Select(s =>
        {
            var stage = Enum.Parse<Stage>(s.Stage);
            var inputs = ledger.BalanceInputs(s.Year, stage);
            return new StageBalances(s.Year, stage, BalanceCalculator.Current(inputs), BalanceCalculator.Capital(inputs));
        }).ToList();
        var years = await debt.YearsAsync(who, budgetId, ct);
        var schedule = DebtCalculator.Compute(DebtStore.Name(budgetId), years, DebtStore.RepaymentsInBudget(budget, ledger));
        return new BudgetData(budget.ResourceName, balances, years, schedule);
    }

    /// <summary>Every investment of the ente, page by page.</summary>
    public async Task<InvestmentData> InvestmentsAsync(RequestIdentity who, CancellationToken ct)
    {
        var all = new List<Investment>();
        string? token = null;
        do
        {
            var page = await investments.ListAsync(who, "", PageRequest.Read(Paging.MaxPageSize, token, InvestmentStore.ListFingerprint("")), ct);
            all.AddRange(page.Items);
            token = page.NextPageToken.Length == 0 ? null : page.NextPageToken;
        } while (token is not null);
        return new InvestmentData(all);
    }
}
