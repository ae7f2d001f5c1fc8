using Platform.Finance.Budgets;

namespace Platform.Finance;

public static class FinanceServiceCollectionExtensions
{
    public static IServiceCollection AddFinance(this IServiceCollection services) =>
        services.AddSingleton<BudgetStore>();
}
