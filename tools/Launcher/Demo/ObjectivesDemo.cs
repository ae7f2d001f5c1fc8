using Grpc.Net.Client;
using Platform.Objectives.V1;

namespace Platform.Launcher.Demo;

/// <summary>Demo plans of the Comune di Cremona.</summary>
public static class ObjectivesDemo
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(gateway);
        var created = await DemoData.CreateAsync(() => objectives.CreatePlanAsync(new CreatePlanRequest
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
        created += await DemoData.CreateAsync(() => objectives.CreatePlanAsync(new CreatePlanRequest
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
        return created;
    }
}
