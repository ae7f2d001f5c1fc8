using Platform.Objectives.Plans;

namespace Platform.Objectives;

public static class ObjectivesServiceCollectionExtensions
{
    public static IServiceCollection AddObjectives(this IServiceCollection services) =>
        services.AddSingleton<PlanStore>();
}
