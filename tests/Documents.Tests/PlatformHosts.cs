using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Platform.ServiceDefaults.Security;

namespace Documents.Tests;

/// <summary>
/// The three services and the Documents service in memory, wired to each other as the launcher wires the
/// processes, with one token signing key so a caller's token is valid in every service it reaches.
/// </summary>
public class PlatformHosts : IDisposable
{
    private readonly string _key = PlatformTokens.NewKey();

    public ServiceFactory<ObjectivesGrpcService> Objectives { get; }
    public ServiceFactory<IndicatorsGrpcService> Indicators { get; }
    public ServiceFactory<FinanceGrpcService> Finance { get; }
    public ServiceFactory<DocumentsGrpcService> Documents { get; }

    public PlatformHosts() : this([])
    {
    }

    protected PlatformHosts(params (string Key, string Value)[] documentsSettings)
    {
        Objectives = Keyed(new ServiceFactory<ObjectivesGrpcService>());
        Indicators = Keyed(new ServiceFactory<IndicatorsGrpcService>()).WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", ObjectivesHandler);
        Finance = Keyed(new ServiceFactory<FinanceGrpcService>()).WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", ObjectivesHandler);
        Documents = Keyed(new ServiceFactory<DocumentsGrpcService>())
            .WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", ObjectivesHandler)
            .WithUpstream<IndicatorsService.IndicatorsServiceClient>("indicators", () => Indicators.Server.CreateHandler())
            .WithUpstream<FinanceService.FinanceServiceClient>("finance", () => Finance.Server.CreateHandler());
        foreach (var (key, value) in documentsSettings) Documents.With(builder => builder.UseSetting(key, value));
    }

    private HttpMessageHandler ObjectivesHandler() => Objectives.Server.CreateHandler();

    private ServiceFactory<T> Keyed<T>(ServiceFactory<T> factory) where T : class =>
        factory.With(builder => builder.UseSetting("Auth:SigningKey", _key));

    /// <summary>A token valid in every host (admin unless roles are given).</summary>
    public string Token(string tenant, params string[] roles) =>
        PlatformTokens.Create(_key, "tester", tenant, roles.Length == 0 ? [Roles.Admin] : roles, TimeSpan.FromHours(1));

    public GrpcChannel Channel<T>(ServiceFactory<T> host, string tenant) where T : class => host.CreateGrpcChannelWithToken(Token(tenant));

    /// <summary>Problems any host saw (error logs, bad SQL), for the tests' closing check.</summary>
    public IEnumerable<string> Problems =>
        Objectives.Problems.Concat(Indicators.Problems).Concat(Finance.Problems).Concat(Documents.Problems);

    public void Dispose()
    {
        Documents.Dispose();
        Finance.Dispose();
        Indicators.Dispose();
        Objectives.Dispose();
        GC.SuppressFinalize(this);
    }
}
