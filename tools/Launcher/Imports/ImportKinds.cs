using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>Which service imports each kind of file: the streamed <c>ImportFile</c> of the service that owns it.</summary>
public static class ImportKinds
{
    public delegate AsyncDuplexStreamingCall<ImportChunk, ImportEvent> OpenCall(GrpcChannel gateway, CallOptions options);

    /// <summary>The service that owns each kind of file.</summary>
    private static readonly Dictionary<string, string> FileKinds = new()
    {
        ["objectives"] = "objectives", ["progress-reports"] = "objectives",
        ["indicators"] = "indicators",
        ["budget-lines"] = "finance", ["debt-schedule"] = "finance", ["investments"] = "finance",
    };

    /// <summary>The demo manifest's other steps, and the service each talks to.</summary>
    private static readonly Dictionary<string, string> ManifestSteps = new()
    {
        ["plan"] = "objectives", ["publish"] = "objectives", ["budget"] = "finance", ["approve"] = "finance",
    };

    /// <summary>Each service's one streamed import: the kind travels in the first chunk.</summary>
    private static readonly Dictionary<string, OpenCall> ImportFile = new()
    {
        ["objectives"] = (gateway, options) => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway).ImportFile(options),
        ["indicators"] = (gateway, options) => new Platform.Indicators.V1.IndicatorsService.IndicatorsServiceClient(gateway).ImportFile(options),
        ["finance"] = (gateway, options) => new Platform.Finance.V1.FinanceService.FinanceServiceClient(gateway).ImportFile(options),
    };

    /// <summary>The kinds a file can hold.</summary>
    public static IReadOnlyCollection<string> Names => FileKinds.Keys;

    /// <summary>The service that owns a kind (<c>plan</c> and <c>budget</c> included): objectives, indicators or finance.</summary>
    public static string ServiceOf(string kind) =>
        FileKinds.TryGetValue(kind, out var service) || ManifestSteps.TryGetValue(kind, out service) ? service
            : throw new ArgumentException($"unknown kind '{kind}'", nameof(kind));

    public static OpenCall? Find(string kind) => FileKinds.TryGetValue(kind, out var service) ? ImportFile[service] : null;
}
