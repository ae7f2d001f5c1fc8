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
        var published = await PublishedPlanAsync();
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
                    ? (IMessageWith)new(funding, new GetObjectiveFundingRequest { Budget = system.Demo.Budget, Objective = $"{published}/objectives/{new string('x', 100_000)}" })
                    : new(series, new Platform.Indicators.V1.BatchGetTimeSeriesRequest { Names = { huge } });
                // Funding of a published plan anonymously (as the reproduction); time series as a reader.
                await system.Caller.GrpcAsync(attack.Rpc, "noise", attack.Request, attack.Rpc == funding ? null : owner, ente);
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

    /// <summary>A published plan of ente demo (its id does not carry the sweep's tag: public, not a leak).</summary>
    private async Task<string> PublishedPlanAsync()
    {
        var id = "pubblico-" + Guid.NewGuid().ToString("N")[..6];
        var rest = system.Platform.Rest;
        await Platform.Testing.Rest.ReadJsonAsync(await Platform.Testing.Rest.PostJsonAsync(rest, $"/v1/plans?plan_id={id}",
            """{"title":"Piano pubblico","kind":"DUP","startYear":2024,"endYear":2026,"levels":["Linea"]}"""));
        foreach (var state in new[] { "ADOPTED", "APPROVED" })
            await Platform.Testing.Rest.ReadJsonAsync(await Platform.Testing.Rest.PostJsonAsync(rest, $"/v1/plans/{id}:transition", $$"""{"state":"{{state}}"}"""));
        await Platform.Testing.Rest.ReadJsonAsync(await Platform.Testing.Rest.PostJsonAsync(rest, $"/v1/plans/{id}:publish", """{"published":true}"""));
        return $"plans/{id}";
    }

    private sealed record IMessageWith(Rpc Rpc, Google.Protobuf.IMessage Request);
}
