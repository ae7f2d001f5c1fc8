using Grpc.Net.Client;

namespace Platform.Launcher.Demo;

/// <summary>
/// The Objectives service's demo plans now load from <c>data/demo/import/manifest.csv</c> through the import
/// RPCs (<see cref="DemoManifest"/>); nothing is created here any more.
/// </summary>
public static class ObjectivesDemo
{
    public static Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>Ids of the Cremona demo plans, which other services' demo data and tests link to.</summary>
public static class CremonaPlans
{
    public const string DupId = "dup-2023-2025";
    public const string PactId = "patto-sviluppo-2007";
}
