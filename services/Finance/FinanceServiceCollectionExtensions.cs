using Platform.Finance.Funding;
using Platform.Finance.Budgets;
using Platform.Finance.Debt;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.Finance.Security;
using Platform.Finance.Quality;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

public static class FinanceServiceCollectionExtensions
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddSingleton<BudgetStore>();
        services.AddSingleton<LineStore>();
        services.AddSingleton<DebtStore>();
        services.AddSingleton<InvestmentStore>();
        services.AddSingleton<ObjectiveFundingReader>();
        services.AddSingleton(new ServiceAccess(WriterRole: Roles.Finance));
        services.AddObjectivesClient();
        services.AddTransient<IPublicReadPolicy, ApprovedBudgetPolicy>();
        services.AddQuality(FinanceRules.Catalog()).AddSingleton<FinanceQualityReader>();
        return services;
    }
}
