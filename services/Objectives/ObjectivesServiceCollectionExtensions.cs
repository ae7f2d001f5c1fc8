using Platform.Objectives.Objectives;
using Platform.Objectives.Reports;
using Platform.Objectives.Plans;
using Platform.Objectives.Quality;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Objectives;

public static class ObjectivesServiceCollectionExtensions
{
    public static IServiceCollection AddObjectives(this IServiceCollection services) =>
        services.AddSingleton(new ServiceAccess(WriterRole: Roles.Planner))
            .AddSingleton<PlanStore>()
            .AddSingleton<ObjectiveStore>()
            .AddSingleton<ReportStore>()
            .AddSingleton<VersionStore>()
            .AddSingleton<IPublicReadPolicy, PublishedPlanPolicy>()
            .AddQuality(ObjectiveRules.Catalog());
}
