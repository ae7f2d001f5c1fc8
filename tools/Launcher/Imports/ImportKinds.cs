using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>Which service imports each kind of file: the streamed <c>ImportFile</c> of the service that owns it.</summary>
public static class ImportKinds
{
    public delegate AsyncDuplexStreamingCall<ImportChunk, ImportEvent> OpenCall(GrpcChannel gateway, CallOptions options);

    private static readonly Dictionary<string, OpenCall> Calls = new()
    {
        ["objectives"] = (gateway, options) => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway).ImportFile(options),
        ["progress-reports"] = (gateway, options) => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway).ImportFile(options),
        ["indicators"] = (gateway, options) => new Platform.Indicators.V1.IndicatorsService.IndicatorsServiceClient(gateway).ImportFile(options),
        ["budget-lines"] = Finance,
        ["debt-schedule"] = Finance,
        ["investments"] = Finance,
    };

    private static AsyncDuplexStreamingCall<ImportChunk, ImportEvent> Finance(GrpcChannel gateway, CallOptions options) =>
        new Platform.Finance.V1.FinanceService.FinanceServiceClient(gateway).ImportFile(options);

    private static readonly Dictionary<string, string> Services = new()
    {
        ["plan"] = "objectives", ["publish"] = "objectives", ["objectives"] = "objectives", ["progress-reports"] = "objectives",
        ["indicators"] = "indicators",
        ["budget"] = "finance", ["approve"] = "finance", ["budget-lines"] = "finance", ["debt-schedule"] = "finance", ["investments"] = "finance",
    };

    public static IReadOnlyCollection<string> Names => Calls.Keys;

    /// <summary>The service that owns a kind (<c>plan</c> and <c>budget</c> included): objectives, indicators or finance.</summary>
    public static string ServiceOf(string kind) => Services.TryGetValue(kind, out var service) ? service
        : throw new ArgumentException($"unknown kind '{kind}'", nameof(kind));

    public static OpenCall? Find(string kind) => Calls.GetValueOrDefault(kind);
}
