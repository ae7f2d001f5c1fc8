using Platform.Indicators.Definitions;

namespace Platform.Indicators;

public static class IndicatorsServiceCollectionExtensions
{
    public static IServiceCollection AddIndicators(this IServiceCollection services) =>
        services.AddSingleton<IndicatorStore>();
}
