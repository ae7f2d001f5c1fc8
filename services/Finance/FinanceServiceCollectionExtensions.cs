using Platform.Finance.Budgets;
using Platform.Finance.Debt;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Clients;
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
        services.AddSingleton<ObjectivesLookup>();
        services.AddPlatformClient<ObjectivesService.ObjectivesServiceClient>("objectives");
        services.AddPublicReadsOfPublishedPlans();
        return services;
    }
}
