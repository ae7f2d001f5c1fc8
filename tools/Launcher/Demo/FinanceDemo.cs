using Grpc.Net.Client;
using Platform.Finance.V1;

namespace Platform.Launcher.Demo;

/// <summary>Demo budget of the Comune di Cremona.</summary>
public static class FinanceDemo
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var finance = new FinanceService.FinanceServiceClient(gateway);
        return await DemoData.CreateAsync(() => finance.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "bilancio-2023-2025",
            Budget = new Budget { Title = "Bilancio di previsione 2023-2025", FirstYear = 2023, LastYear = 2025 },
        }, cancellationToken: cancellationToken));
    }
}
