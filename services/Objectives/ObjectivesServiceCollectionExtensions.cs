using Platform.Objectives.Cards;
using Platform.Objectives.Plans;

namespace Platform.Objectives;

public static class ObjectivesServiceCollectionExtensions
{
    public static IServiceCollection AddObjectives(this IServiceCollection services) =>
        services.AddSingleton<PlanStore>()
            .AddSingleton<ObjectiveStore>()
            .AddSingleton<ReportStore>()
            .AddSingleton<VersionStore>();
}
