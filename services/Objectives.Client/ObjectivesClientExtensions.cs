using Platform.ServiceDefaults.Clients;

namespace Platform.Objectives.Client;

public static class ObjectivesClientExtensions
{
    /// <summary>
    /// The Objectives client (address from <c>Services:objectives</c>; identity forwarded, deadline propagated),
    /// <see cref="ObjectivesLookup"/> with its <see cref="PlanTreeCache"/>, and <see cref="ObjectivesPublicationPolicy"/>. Register the service's own
    /// <c>IPublicReadPolicy</c> (often the publication policy itself) separately.
    /// </summary>
    public static IServiceCollection AddObjectivesClient(this IServiceCollection services)
    {
        services.AddPlatformClient<ObjectivesService.ObjectivesServiceClient>("objectives");
        services.AddSingleton<PlanTreeCache>();
        services.AddSingleton<ObjectivesLookup>();
        services.AddTransient<ObjectivesPublicationPolicy>();
        return services;
    }
}
