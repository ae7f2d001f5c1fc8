namespace Platform.Launcher.Demo;

/// <summary>
/// Ids of the Cremona demo plans (loaded from <c>data/demo/import/</c> through the import RPCs), which other
/// services' demo data, the end-to-end tests and the benchmarks link to.
/// </summary>
public static class CremonaPlans
{
    public const string DupId = "dup-2023-2025";
    public const string PactId = "patto-sviluppo-2007";
}
