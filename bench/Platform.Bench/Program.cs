using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Launcher;
using Platform.Launcher.Demo;
using Platform.ServiceDefaults.Security;

// dotnet run -c Release --project bench/Platform.Bench [-- iterations]
// Starts the system on free ports with a temporary data directory, loads the Cremona demo data through the
// gateway, then times the heavy reads and prints latency percentiles.
var iterations = args.Length > 0 ? int.Parse(args[0]) : 200;
var data = Directory.CreateTempSubdirectory("platform-bench-").FullName;
var options = new LaunchOptions
{
    RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
    DataDirectory = data,
    RestPort = PlatformSystem.FreePort(),
    GrpcPort = PlatformSystem.FreePort(),
    Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning", ["RateLimiting__PermitLimit"] = "1000000" },
};
try
{
    await using var system = await PlatformSystem.StartAsync(options, (_, _) => { }, CancellationToken.None);
    var token = system.Token("demo", "bench", [Roles.Admin]);
    using var channel = GrpcChannel.ForAddress(system.GrpcAddress, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {token}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });
    var seed = Stopwatch.StartNew();
    var created = await DemoData.SeedIfEmptyAsync(channel, CancellationToken.None);
    Console.WriteLine($"seed: {created} resources through the gateway in {seed.Elapsed.TotalSeconds:F1} s");

    using var rest = new HttpClient { BaseAddress = system.RestAddress };
    rest.DefaultRequestHeaders.Authorization = new("Bearer", token);
    Console.WriteLine($"{"call",-48} {"n",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
    await MeasureAsync("GET plan tree (223 objectives)", $"/v1/plans/{CremonaPlans.DupId}:tree");
    await MeasureAsync("GET scorecard 2021 (44 indicators, 10 areas)", $"/v1/scorecards/{CremonaPlans.DupId}?year=2021");
    await MeasureAsync("GET balances 2023 PREVISIONE", "/v1/budgets/bilancio-2023-2025:balances?year=2023&stage=PREVISIONE");
    await MeasureAsync("GET plans (list)", "/v1/plans");

    async Task MeasureAsync(string label, string url)
    {
        for (var i = 0; i < 5; i++) (await rest.GetAsync(url)).EnsureSuccessStatusCode();
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            (await rest.GetAsync(url)).EnsureSuccessStatusCode();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        Console.WriteLine($"{label,-48} {iterations,5} {samples[iterations / 2],8:F2} {samples[(int)(iterations * 0.95)],8:F2} {samples[^1],8:F2}");
    }
}
finally
{
    Directory.Delete(data, recursive: true);
}
