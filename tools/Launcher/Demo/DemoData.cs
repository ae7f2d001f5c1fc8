using Grpc.Core;
using Grpc.Net.Client;
using Platform.Objectives.V1;

namespace Platform.Launcher.Demo;

/// <summary>
/// Loads the demo ente's data through the gateway, as any client would, into an empty ente only: an ente that
/// has a plan already is left as it is (no create is tried, so a restart logs nothing). Objectives first:
/// indicators and investments link to them.
/// </summary>
public static class DemoData
{
    /// <summary>Returns what was created by kind, or null when the ente already has data.</summary>
    public static async Task<IReadOnlyDictionary<string, long>?> SeedIfEmptyAsync(GrpcChannel gateway, Action<string> log,
        CancellationToken cancellationToken)
    {
        var plans = await new ObjectivesService.ObjectivesServiceClient(gateway)
            .ListPlansAsync(new ListPlansRequest { PageSize = 1 }, cancellationToken: cancellationToken);
        if (plans.Plans.Count > 0) return null;
        var manifest = DemoManifest.Find()
            ?? throw new FileNotFoundException($"No {DemoManifest.RelativePath} above {AppContext.BaseDirectory}");
        return await DemoManifest.LoadAsync(gateway, manifest, log, cancellationToken);
    }

    /// <summary>Runs a create call; an ALREADY_EXISTS answer counts as done.</summary>
    public static async Task<int> CreateAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            await call();
            return 1;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return 0;
        }
    }
}
