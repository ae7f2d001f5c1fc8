using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Quality;

public static class QualityServiceCollectionExtensions
{
    /// <summary>The data-quality report of a service: its rules, the ente's settings and silences.</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services, QualityCatalog catalog) =>
        services.AddSingleton(catalog).AddSingleton<QualityStore>().AddSingleton<QualityService>();
}
