using Google.Protobuf;
using Platform.Launcher.Demo;
using Platform.Objectives.V1;

namespace Platform.Bench;

/// <summary>
/// The same unary read (GetPlan of the demo DUP) straight to Objectives, through the gateway, through nginx
/// <c>grpc_pass</c>, and as REST through the gateway; variants alternate within each round.
/// </summary>
public static class GatewayCost
{
    private sealed record Variant(string Name, string Proxy, Func<Task<LoadResult>> Run, int? ProxyPid);

    private sealed class Rounds
    {
        public List<double> Rate { get; } = [];
        public List<double> P50 { get; } = [];
        public List<double> P99 { get; } = [];
        public List<double> ProxyCpu { get; } = [];
        public List<double> ServiceCpu { get; } = [];
        public long Failed { get; set; }
    }

    public static async Task RunAsync(BenchContext bench)
    {
        var objectives = bench.System.Child("objectives");
        var planName = $"plans/{CremonaPlans.DupId}";
        var body = Path.GetTempFileName();
        await File.WriteAllBytesAsync(body, Frame(new GetPlanRequest { Name = planName }.ToByteArray()));
        const string method = "/platform.objectives.v1.ObjectivesService/GetPlan";
        await using var nginx = await Nginx.StartAsync(objectives.Address, Launcher.PlatformSystem.FreePort());
        var nginxAddress = new Uri($"http://127.0.0.1:{nginx.Port}");

        // Each path must answer the call for real (h2load counts HTTP 200 only, gRPC errors hide in trailers).
        foreach (var address in new[] { objectives.Address, bench.System.GrpcAddress, nginxAddress })
        {
            using var channel = BenchContext.Channel(address, bench.Token);
            var plan = await new ObjectivesService.ObjectivesServiceClient(channel).GetPlanAsync(new GetPlanRequest { Name = planName });
            if (plan.Name != planName) throw new InvalidOperationException($"GetPlan through {address} answered {plan.Name}");
        }

        var s = bench.Settings;
        var gatewayPid = bench.Pid("gateway");
        Variant[] variants =
        [
            new("gRPC direct to Objectives", "-", () => H2Load.GrpcAsync(new Uri(objectives.Address, method).ToString(), body, bench.Token, BenchSettings.Connections, BenchSettings.Streams, s.ClosedLoop), null),
            new("gRPC through the gateway", "gateway", () => H2Load.GrpcAsync(new Uri(bench.System.GrpcAddress, method).ToString(), body, bench.Token, BenchSettings.Connections, BenchSettings.Streams, s.ClosedLoop), gatewayPid),
            new("gRPC through nginx grpc_pass", "nginx", () => H2Load.GrpcAsync(new Uri(nginxAddress, method).ToString(), body, bench.Token, BenchSettings.Connections, BenchSettings.Streams, s.ClosedLoop), nginx.Pid),
            new("REST through the gateway", "gateway", () => H2Load.RestAsync(new Uri(bench.System.RestAddress, $"/v1/{planName}").ToString(), bench.Token, BenchSettings.Connections * BenchSettings.Streams, s.ClosedLoop), gatewayPid),
        ];
        var results = variants.ToDictionary(v => v.Name, _ => new Rounds());
        foreach (var variant in variants) await variant.Run(); // warm-up: JIT, connections, caches
        for (var round = 0; round < s.Rounds; round++)
        {
            foreach (var variant in variants)
            {
                var proxyBefore = variant.ProxyPid is { } p ? ProcessStats.CpuSeconds(p, withChildren: true) : 0;
                var serviceBefore = ProcessStats.CpuSeconds(objectives.Id);
                var result = await variant.Run();
                var proxyCpu = variant.ProxyPid is { } q ? ProcessStats.CpuSeconds(q, withChildren: true) - proxyBefore : 0;
                var serviceCpu = ProcessStats.CpuSeconds(objectives.Id) - serviceBefore;
                var r = results[variant.Name];
                r.Rate.Add(result.RequestsPerSecond);
                r.P50.Add(result.P50Ms);
                r.P99.Add(result.P99Ms);
                // CPU ms per 1,000 requests = CPU s / requests × 10^6.
                r.ProxyCpu.Add(proxyCpu / result.Succeeded * 1e6);
                r.ServiceCpu.Add(serviceCpu / result.Succeeded * 1e6);
                r.Failed += result.Failed;
                bench.SampleLoad();
            }
        }
        File.Delete(body);

        bench.Line("## Gateway cost: unary GetPlan of the demo DUP");
        bench.Line();
        bench.Line($"Closed loop, h2load, {BenchSettings.Connections} connections × {BenchSettings.Streams} streams (REST: {BenchSettings.Connections * BenchSettings.Streams} HTTP/1.1 connections), {s.ClosedLoop.TotalSeconds:0} s per round, {s.Rounds} rounds, variants alternating.");
        bench.Line("CPU is user + system time from `/proc` per 1,000 requests (ms), for the proxy (nginx: master and workers) and for Objectives.");
        bench.Line();
        bench.Line("| variant | req/s | p50 ms | p99 ms | proxy CPU ms / 1k req | Objectives CPU ms / 1k req | failed |");
        bench.Line("|---|---|---|---|---|---|---|");
        foreach (var variant in variants)
        {
            var r = results[variant.Name];
            var proxyCpu = variant.ProxyPid is null ? "-" : $"{variant.Proxy} {Stats.Spread(r.ProxyCpu)}";
            bench.Line($"| {variant.Name} | {Stats.Spread(r.Rate)} | {Stats.Spread(r.P50, "F2")} | {Stats.Spread(r.P99, "F2")} | {proxyCpu} | {Stats.Spread(r.ServiceCpu)} | {r.Failed} |");
        }
        bench.Line();
        var direct = results[variants[0].Name].Rate;
        var gateway = results[variants[1].Name].Rate;
        var viaNginx = results[variants[2].Name].Rate;
        var rest = results[variants[3].Name].Rate;
        bench.Line($"- **gateway / nginx = {Stats.Ratio(gateway, viaNginx)}** (req/s, goal ≥ 1.0)");
        bench.Line($"- **gateway / direct = {Stats.Ratio(gateway, direct)}** (req/s, goal ≥ 0.6)");
        bench.Line($"- **REST / gRPC = {Stats.Ratio(rest, gateway)}** (req/s through the gateway, goal ≥ 0.9)");
        bench.Line($"- gateway CPU / nginx CPU per request = {Stats.Ratio(results[variants[1].Name].ProxyCpu, results[variants[2].Name].ProxyCpu)}");
        bench.Line();
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
