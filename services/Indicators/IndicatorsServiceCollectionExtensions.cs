using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Scorecards;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Clients;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators;

public static class IndicatorsServiceCollectionExtensions
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        // Address from Services:objectives; identity forwarded, deadline propagated (5 s at most).
        services.AddPlatformClient<ObjectivesService.ObjectivesServiceClient>("objectives");
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<PeriodStore>();
        services.AddSingleton<ObjectivesLookup>();
        services.AddScoped<ObjectiveLinks>();
        services.AddScoped<ScorecardService>();
        services.AddTransient<ObjectivesPublicationPolicy>();
        services.AddTransient<IPublicReadPolicy, PublishedIndicatorPolicy>();
        return services;
    }
}
