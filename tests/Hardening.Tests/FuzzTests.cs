using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Net.Client;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>
/// Seeded malformed requests over every write and list RPC, over gRPC (mutated fields, raw malformed bytes)
/// and REST (malformed JSON, paths and query strings), as the admin of a separate ente "fuzz". Each case has
/// its own token subject, so the audit trail tells whether a refused request wrote anything.
/// Cases: PLATFORM_FUZZ_CASES (default 2000); seed: PLATFORM_FUZZ_SEED (default 20261201).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FuzzTests(SystemFixture system, ITestOutputHelper output)
{
    private const string Ente = "fuzz";
    /// <summary>Error bodies and trailers above this size echo input instead of describing it.</summary>
    public const int MaxErrorSize = 16 * 1024;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public async Task Malformed_requests_get_client_errors_of_bounded_size_and_write_nothing()
    {
        var cases = Setting("PLATFORM_FUZZ_CASES", 2000);
        var seed = Setting("PLATFORM_FUZZ_SEED", 20261201);
        var owner = system.Platform.GrpcAs(Ente, "fuzz-owner", Roles.Admin);
        var resources = await RealResources.CreateAsync(owner, "fz" + seed % 10_000);
        var filler = new RequestFiller(resources);
        var inputs = new MalformedInputs(seed);
        var targets = RpcCatalog.All.Where(r => r.IsWrite || r.IsList).ToList();

        var outcomes = new List<(string Actor, Outcome Outcome)>();
        for (var i = 0; i < cases; i++)
        {
            var rpc = inputs.Pick(targets);
            var actor = $"fz-{i}";
            var token = system.Token(Ente, actor, Roles.Admin);
            var valid = filler.Fill(rpc, out _);
            var outcome = inputs.Next(3) switch
            {
                0 => await system.Caller.GrpcAsync(rpc, "mutated", inputs.Mutate(valid), token),
                1 => await system.Caller.GrpcAsync(rpc, "raw-bytes", inputs.MalformedProtobuf(valid), token),
                _ => await system.Caller.RestAsync(rpc.Name, "rest", MalformedRest(inputs, rpc, valid), token),
            };
            outcomes.Add((actor, outcome));
        }

        var writers = await ActorsInAuditTrailAsync(owner);
        var refusedButWrote = outcomes.Where(o => !o.Outcome.Succeeded && writers.Contains(o.Actor)).Select(o => o.Outcome).ToList();
        var text = Report.Summarize($"Fuzz (seed {seed})", cases, new Dictionary<string, IReadOnlyList<Outcome>>
        {
            ["5xx or UNKNOWN/INTERNAL/UNAVAILABLE"] = outcomes.Select(o => o.Outcome).Where(o => o.IsServerFault).ToList(),
            [$"errors over {MaxErrorSize} bytes"] = outcomes.Select(o => o.Outcome).Where(o => o.ErrorSize > MaxErrorSize).ToList(),
            ["refused but written"] = refusedButWrote,
        });
        output.WriteLine(text);
        output.WriteLine($"succeeded: {outcomes.Count(o => o.Outcome.Succeeded)}; refused: {outcomes.Count(o => !o.Outcome.Succeeded)}");
        Assert.True(outcomes.All(o => !o.Outcome.IsServerFault && o.Outcome.ErrorSize <= MaxErrorSize) && refusedButWrote.Count == 0, text);
    }

    private static HttpRequestMessage MalformedRest(MalformedInputs inputs, Rpc rpc, IMessage valid)
    {
        var request = Caller.RestRequest(rpc, inputs.Next(2) == 0 ? inputs.Mutate(valid) : valid);
        var uri = request.RequestUri!.OriginalString;
        switch (inputs.Next(3))
        {
            case 0 when request.Content is not null:
                var json = request.Content.ReadAsStringAsync().Result;
                request.Content = new ByteArrayContent(inputs.MalformedJson(json));
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                break;
            case 1:
                request.RequestUri = new Uri(uri + (uri.Contains('?') ? "&" : "?") + inputs.MalformedQuery(), UriKind.Relative);
                break;
            default:
                break; // the mutated message as its own REST mapping (huge strings, bad names in the path...)
        }
        return request;
    }

    /// <summary>Every actor named in the fuzz ente's audit trails (plans, objectives, indicators, budgets, investments).</summary>
    private static async Task<HashSet<string>> ActorsInAuditTrailAsync(GrpcChannel owner)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(owner);
        var indicators = new IndicatorsService.IndicatorsServiceClient(owner);
        var finance = new FinanceService.FinanceServiceClient(owner);
        var actors = new HashSet<string>();
        var events = new List<Platform.Common.V1.AuditEvent>();

        foreach (var plan in (await objectives.ListPlansAsync(new ListPlansRequest { PageSize = 500 })).Plans)
        {
            events.AddRange((await objectives.ListAuditEventsAsync(new Platform.Objectives.V1.ListAuditEventsRequest { Parent = plan.Name, PageSize = 500 })).AuditEvents);
            foreach (var objective in (await objectives.ListObjectivesAsync(new ListObjectivesRequest { Parent = plan.Name, PageSize = 500 })).Objectives)
                events.AddRange((await objectives.ListAuditEventsAsync(new Platform.Objectives.V1.ListAuditEventsRequest { Parent = objective.Name, PageSize = 500 })).AuditEvents);
        }
        foreach (var indicator in (await indicators.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 500 })).Indicators)
            events.AddRange((await indicators.ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = indicator.Name, PageSize = 500 })).AuditEvents);
        foreach (var budget in (await finance.ListBudgetsAsync(new ListBudgetsRequest { PageSize = 500 })).Budgets)
            events.AddRange((await finance.ListAuditEventsAsync(new Platform.Finance.V1.ListAuditEventsRequest { Parent = budget.Name, PageSize = 500 })).AuditEvents);
        foreach (var investment in (await finance.ListInvestmentsAsync(new ListInvestmentsRequest { PageSize = 500 })).Investments)
            events.AddRange((await finance.ListAuditEventsAsync(new Platform.Finance.V1.ListAuditEventsRequest { Parent = investment.Name, PageSize = 500 })).AuditEvents);
        foreach (var e in events) actors.Add(e.Actor);
        return actors;
    }
}
