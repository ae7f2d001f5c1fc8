using Google.Api;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>Which service exports each kind of file: the kind's <c>Export...</c> RPC on the service that owns it.</summary>
public static class ExportKinds
{
    public delegate AsyncUnaryCall<HttpBody> Export(GrpcChannel gateway, ExportRequest request, CallOptions options);

    private static readonly Dictionary<string, Export> Calls = new()
    {
        ["objectives"] = (gateway, request, options) => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway).ExportObjectivesAsync(request, options),
        ["progress-reports"] = (gateway, request, options) => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway).ExportProgressReportsAsync(request, options),
        ["indicators"] = (gateway, request, options) => new Platform.Indicators.V1.IndicatorsService.IndicatorsServiceClient(gateway).ExportIndicatorsAsync(request, options),
    };

    /// <summary>The kinds a plan is made of, in the order they import (objectives before what links to them).</summary>
    public static readonly IReadOnlyList<string> PlanKinds = ["objectives", "progress-reports", "indicators"];

    public static Export? Find(string kind) => Calls.GetValueOrDefault(kind);
}
