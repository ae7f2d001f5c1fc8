using Platform.Finance.V1;
using Platform.Objectives.V1;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>While an anonymous caller sends oversized requests, another caller's reads all succeed.</summary>
[Collection(SystemCollection.Name)]
public sealed class NoisyNeighbourTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task Oversized_anonymous_requests_do_not_fail_other_callers_reads()
    {
        var huge = new string('x', 1 << 20);
        var getBudget = RpcCatalog.All.Single(r => r.Name == "GetBudget");
        var funding = RpcCatalog.All.Single(r => r.Name == "GetObjectiveFunding");
        var series = RpcCatalog.All.Single(r => r.Name == "BatchGetTimeSeries");
        var owner = system.Token("demo", "neighbour", Platform.ServiceDefaults.Security.Roles.Reader);
        var ente = new[] { ("x-platform-ente", "demo") };
        using var stop = new CancellationTokenSource();

        var noise = Enumerable.Range(0, 4).Select(async worker =>
        {
            var sent = 0;
            while (!stop.IsCancellationRequested && sent < 200)
            {
                var attack = sent++ % 2 == 0
                    ? (IMessageWith)new(funding, new GetObjectiveFundingRequest { Budget = system.Demo.Budget, Objective = $"{system.Demo.Plan}/objectives/{huge}" })
                    : new(series, new Platform.Indicators.V1.BatchGetTimeSeriesRequest { Names = { huge } });
                await system.Caller.GrpcAsync(attack.Rpc, "noise", attack.Request, null, ente);
            }
            return sent;
        }).ToList();

        var reads = new List<Outcome>();
        for (var i = 0; i < 150; i++)
            reads.Add(await system.Caller.GrpcAsync(getBudget, "neighbour", new GetBudgetRequest { Name = system.Demo.Budget }, owner));
        await stop.CancelAsync();
        var noiseSent = (await Task.WhenAll(noise)).Sum();

        var text = Report.Summarize("Noisy neighbour", reads.Count + noiseSent, new Dictionary<string, IReadOnlyList<Outcome>>
        {
            ["neighbour reads that failed"] = reads.Where(o => !o.Succeeded).ToList(),
        });
        output.WriteLine(text);
        Assert.True(reads.All(o => o.Succeeded), text);
    }

    private sealed record IMessageWith(Rpc Rpc, Google.Protobuf.IMessage Request);
}
