using Platform.Documents.Model;
using Platform.Documents.Pdf;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Clients;
using Platform.ServiceDefaults.Security;

namespace Platform.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>Clients of the three services (caller's identity forwarded), the renderer and the PDF printer.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        // A whole DUP takes a few hundred reads; each is short, the deadline covers a busy moment.
        var deadline = TimeSpan.FromSeconds(30);
        services.AddObjectivesClient();
        services.AddPlatformClient<IndicatorsService.IndicatorsServiceClient>("indicators", deadline);
        services.AddPlatformClient<FinanceService.FinanceServiceClient>("finance", deadline);
        services.AddSingleton(new ServiceAccess(WriterRole: Roles.Admin));
        services.AddTransient<IPublicReadPolicy>(provider => provider.GetRequiredService<ObjectivesPublicationPolicy>());
        services.Configure<PdfOptions>(configuration.GetSection("Documents"));
        services.AddSingleton<ChromiumPdf>();
        services.AddSingleton<PlanDataReader>();
        services.AddSingleton<DocumentRenderer>();
        return services;
    }
}
