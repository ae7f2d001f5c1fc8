using Grpc.Core;
using Grpc.Net.Client;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;

namespace Platform.Launcher;

/// <summary>
/// Loads the demo ente's data through the gateway, as any client would. Safe to run on every start:
/// what already exists is left as it is.
/// </summary>
public static class DemoData
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(gateway);
        var indicators = new IndicatorsService.IndicatorsServiceClient(gateway);
        var finance = new FinanceService.FinanceServiceClient(gateway);
        var created = 0;

        created += await CreateAsync(() => objectives.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = "dup-2023-2025",
            Plan = new Plan
            {
                Title = "Documento Unico di Programmazione 2023-2025 - Comune di Cremona",
                Kind = Plan.Types.Kind.Dup,
                StartYear = 2023,
                EndYear = 2025,
                Description = "Sezione strategica (mandato 2019-2024) e sezione operativa (2023-2025).",
            },
        }, cancellationToken: cancellationToken));
        created += await CreateAsync(() => objectives.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = "patto-sviluppo-2007",
            Plan = new Plan
            {
                Title = "Patto per lo sviluppo del territorio cremonese",
                Kind = Plan.Types.Kind.DevelopmentPact,
                StartYear = 2007,
                EndYear = 2013,
            },
        }, cancellationToken: cancellationToken));
        created += await CreateAsync(() => indicators.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "raccolta-differenziata",
            Indicator = new Indicator
            {
                Title = "Percentuale di raccolta differenziata",
                Unit = "%",
                Description = "Raccolta differenziata (kg) / produzione totale rifiuti (kg) * 100",
            },
        }, cancellationToken: cancellationToken));
        created += await CreateAsync(() => finance.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "bilancio-2023-2025",
            Budget = new Budget { Title = "Bilancio di previsione 2023-2025", FirstYear = 2023, LastYear = 2025 },
        }, cancellationToken: cancellationToken));
        return created;
    }

    private static async Task<int> CreateAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            await call();
            return 1;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return 0;
        }
    }
}
