using Grpc.Net.Client;

namespace Platform.Launcher.Demo;

/// <summary>
/// The Objectives service's demo plans: the manifest's plans, objectives and progress reports
/// (<c>data/demo/import/manifest.csv</c>), loaded through the import RPCs before the other services' demo
/// data that links to them. Loading the whole manifest afterwards finds them done (same request ids).
/// </summary>
public static class ObjectivesDemo
{
    private static readonly HashSet<string> Kinds = ["plan", "objectives", "progress-reports"];

    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken) =>
        DemoManifest.Find() is { } manifest
            ? (int)(await DemoManifest.LoadAsync(gateway, manifest, _ => { }, cancellationToken, e => Kinds.Contains(e.Kind))).Values.Sum()
            : 0;
}

/// <summary>Ids of the Cremona demo plans, which other services' demo data and tests link to.</summary>
public static class CremonaPlans
{
    public const string DupId = "dup-2023-2025";
    public const string PactId = "patto-sviluppo-2007";
}
