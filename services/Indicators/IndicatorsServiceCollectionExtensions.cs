using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Quality;
using Platform.Indicators.Scorecards;
using Platform.Indicators.Versions;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators;

public static class IndicatorsServiceCollectionExtensions
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddSingleton(new ServiceAccess(WriterRole: Roles.Planner));
        services.AddObjectivesClient();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<PeriodStore>();
        services.AddScoped<ObjectiveLinks>();
        services.AddSingleton<IChangeCommitHook, DataVersions>();
        services.AddSingleton<ScorecardCache>();
        services.AddScoped<ScorecardService>();
        services.AddTransient<IPublicReadPolicy, PublishedIndicatorPolicy>();
        services.AddQuality(IndicatorRules.Catalog()).AddSingleton<PlanIndicatorsReader>();
        return services;
    }
}
