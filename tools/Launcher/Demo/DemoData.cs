using Grpc.Core;
using Grpc.Net.Client;

namespace Platform.Launcher.Demo;

/// <summary>
/// Loads the demo ente's data through the gateway, as any client would. Safe to run on every start:
/// what already exists is left as it is. Objectives first: indicators and investments link to them.
/// </summary>
public static class DemoData
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken) =>
        await ObjectivesDemo.SeedAsync(gateway, cancellationToken)
        + await IndicatorsDemo.SeedAsync(gateway, cancellationToken)
        + await FinanceDemo.SeedAsync(gateway, cancellationToken);

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
