using Google.Protobuf;
using Platform.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>
/// Every RPC of the catalog, over gRPC and REST, as callers who must not succeed on ente "demo"'s real,
/// unpublished resources: anonymous, another ente's admin, a reader (writes), crafted tokens, spoofed
/// identity headers. Expected successes: 0. Generated from the descriptors, so a new RPC is swept too.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class IsolationSweepTests(SystemFixture system, ITestOutputHelper output)
{
    /// <summary>A caller; <c>Allowed(rpc, namesResource, leaks)</c> says which successes are legitimate for it.</summary>
    private sealed record Variant(string Name, string? Token, (string, string)[] Headers, Func<Rpc, bool> Applies,
        Func<Rpc, bool, bool, bool> Allowed);

    /// <summary>Nobody may succeed at all (crafted tokens; a reader's or role-less caller's writes).</summary>
    private static bool Never(Rpc rpc, bool namesResource, bool leaks) => false;
    /// <summary>Anonymous: only reads that name no resource and show nothing of the ente (its published plans).</summary>
    private static bool PublicReadOnly(Rpc rpc, bool namesResource, bool leaks) => !rpc.IsWrite && !namesResource && !leaks;
    /// <summary>Another ente's admin: anything in its own ente, nothing that names or shows this ente's resources.</summary>
    private static bool OwnEnteOnly(Rpc rpc, bool namesResource, bool leaks) => !namesResource && !leaks;

    [Fact]
    public async Task No_caller_reaches_another_entes_resources_or_writes_without_the_right()
    {
        var filler = new RequestFiller(system.Demo);
        var variants = Variants();
        var forbidden = new List<Outcome>();
        var ownerReads = new List<Outcome>();
        var tried = 0;

        // Control first, before any caller that gets through could change the resources: the owner reads them.
        foreach (var rpc in RpcCatalog.All.Where(r => !r.IsWrite))
            ownerReads.Add(await system.Caller.GrpcAsync(rpc, "owner", filler.Fill(rpc, out _), system.Token("demo", "owner", Roles.Admin)));
        foreach (var rpc in RpcCatalog.All)
        {
            var request = filler.Fill(rpc, out var namesResource);
            foreach (var variant in variants.Where(v => v.Applies(rpc)))
            {
                foreach (var outcome in await BothTransportsAsync(rpc, variant, request))
                {
                    tried++;
                    var leaks = outcome.Text.Contains(system.Demo.Tag, StringComparison.Ordinal);
                    if (outcome.Succeeded && !variant.Allowed(rpc, namesResource, leaks)) forbidden.Add(outcome);
                }
            }
        }

        var ownerSucceeded = ownerReads.Count(o => o.Succeeded);
        var text = Report.Summarize("Isolation sweep", tried, new Dictionary<string, IReadOnlyList<Outcome>>
        {
            ["forbidden successes"] = forbidden,
            ["owner control reads that failed (informational)"] = ownerReads.Where(o => !o.Succeeded).ToList(),
        });
        output.WriteLine(text);
        output.WriteLine($"RPCs in the catalog: {RpcCatalog.All.Count}; owner control reads succeeded: {ownerSucceeded} of {ownerReads.Count}");
        // The fills must be real enough that the owner reads them; otherwise the sweep would prove nothing.
        Assert.True(ownerSucceeded * 2 >= ownerReads.Count, $"Only {ownerSucceeded} of {ownerReads.Count} owner reads succeeded:\n{text}");
        Assert.True(forbidden.Count == 0, text);
    }

    private async Task<List<Outcome>> BothTransportsAsync(Rpc rpc, Variant variant, IMessage request)
    {
        var outcomes = new List<Outcome> { await system.Caller.GrpcAsync(rpc, variant.Name, request, variant.Token, variant.Headers) };
        foreach (var binding in rpc.Bindings)
            outcomes.Add(await system.Caller.RestAsync(rpc.Name, variant.Name, Caller.RestRequest(rpc, request, binding), variant.Token, variant.Headers));
        return outcomes;
    }

    private List<Variant> Variants()
    {
        var ente = new[] { (RequestContextHeader, "demo") };
        var other = system.Token("comune-b", "bruno", Roles.Admin);
        var list = new List<Variant>
        {
            new("anonymous", null, [], _ => true, PublicReadOnly),
            new("anonymous+ente", null, ente, _ => true, PublicReadOnly),
            new("anonymous+spoofed", null, [.. ente, .. Identities.SpoofedHeaders], _ => true, PublicReadOnly),
            new("other-ente-admin", other, [], _ => true, OwnEnteOnly),
            new("other-ente-admin+spoofed", other, Identities.SpoofedHeaders, _ => true, OwnEnteOnly),
            new("reader", system.Token("demo", "rita", Roles.Reader), [], rpc => rpc.IsWrite, Never),
            new("reader+spoofed", system.Token("demo", "rita", Roles.Reader), Identities.SpoofedHeaders, rpc => rpc.IsWrite, Never),
            new("no-roles", system.Token("demo", "nobody"), [], rpc => rpc.IsWrite, Never),
        };
        list.AddRange(CraftedTokens.All(system.Platform.System.SigningKey, "demo")
            .Select(t => new Variant(t.Variant, t.Token, [], _ => true, Never)));
        return list;
    }

    private const string RequestContextHeader = "x-platform-ente";
}
