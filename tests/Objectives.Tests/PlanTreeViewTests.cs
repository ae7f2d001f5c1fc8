using System.Text.Json;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Data;

namespace Objectives.Tests;

/// <summary>The BASIC view of a plan tree, its etag and the revalidation with <c>if_none_match</c>.</summary>
public sealed class PlanTreeViewTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private static readonly string[] BasicFields = ["name", "code", "parent", "level", "depth", "title"];

    private async Task PlanAsync(string id, string tenant = "demo", bool freeCodes = false) =>
        await Grpc(tenant).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = id,
            Plan = new Plan
            {
                Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025,
                Levels = { "Linea di mandato", "Obiettivo strategico", "Obiettivo operativo" }, FreeChildCodes = freeCodes,
            },
        }, Call());

    private async Task<Objective> AddAsync(string plan, string code, string? parent = null, string tenant = "demo") =>
        await Grpc(tenant).CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = $"plans/{plan}", ObjectiveId = code,
            Objective = new Objective
            {
                Title = $"Obiettivo {code}", Parent = parent is null ? "" : $"plans/{plan}/objectives/{parent}",
                Description = "Testo lungo", PoliticalOwners = { "Zanacchi Luca" }, MissionCodes = { "9" },
            },
        }, Call());

    private Task<PlanTree> TreeAsync(string plan, PlanTreeView view = PlanTreeView.Unspecified, string ifNoneMatch = "",
        string tenant = "demo") =>
        Grpc(tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = $"plans/{plan}", View = view, IfNoneMatch = ifNoneMatch }, Call())
            .ResponseAsync;

    private async Task<string> EtagAsync(string plan) => (await TreeAsync(plan, PlanTreeView.Basic)).Etag;

    [Fact]
    public async Task Basic_view_carries_the_outline_of_each_objective_and_nothing_of_its_card()
    {
        await PlanAsync("tree-basic");
        await AddAsync("tree-basic", "1");
        await AddAsync("tree-basic", "1.1", "1");
        await AddAsync("tree-basic", "2");

        var full = await TreeAsync("tree-basic");
        var basic = await TreeAsync("tree-basic", PlanTreeView.Basic);

        Assert.Equal(full, await TreeAsync("tree-basic", PlanTreeView.Full));
        Assert.Equal(full.Plan, basic.Plan);
        Assert.Equal(full.Etag, basic.Etag);
        Assert.Equal(full.ObjectiveCount, basic.ObjectiveCount);
        Assert.Equal(full.CountByLevel, basic.CountByLevel);
        Assert.False(basic.NotModified);
        var fullNodes = full.Nodes().ToList();
        var basicNodes = basic.Nodes().ToList();
        Assert.Equal(fullNodes.Select(n => (n.Objective.Name, n.DescendantCount, n.Children.Count)),
            basicNodes.Select(n => (n.Objective.Name, n.DescendantCount, n.Children.Count)));
        foreach (var (whole, outline) in fullNodes.Zip(basicNodes))
        {
            var expected = new Objective();
            CopyFields(expected, whole.Objective, BasicFields);
            Assert.Equal(expected, outline.Objective);
        }
        Assert.Equal("plans/tree-basic/objectives/1", basic.FindByCode("1.1")!.Objective.Parent);
        Assert.Equal("Obiettivo strategico", basic.FindByCode("1.1")!.Objective.Level);
        Assert.Equal(1, basic.FindByCode("1.1")!.Objective.Depth);
        Assert.Equal("Testo lungo", full.FindByCode("1.1")!.Objective.Description);

        // REST: the same view from the query string, with only the outline fields in each objective.
        var rest = await Rest().GetJsonAsync("/v1/plans/tree-basic:tree?view=BASIC", Cancellation);
        Assert.Equal(basic.Etag, rest.GetProperty("etag").GetString());
        var restObjectives = Walk(rest.GetProperty("roots")).ToList();
        Assert.Equal(basicNodes.Select(n => n.Objective.Name), restObjectives.Select(o => o.GetProperty("name").GetString()));
        var allowed = new HashSet<string>(["name", "code", "parent", "level", "depth", "title"]);
        Assert.All(restObjectives, o => Assert.All(o.EnumerateObject().Where(p => !allowed.Contains(p.Name)), p => Assert.True(IsEmpty(p.Value), p.Name)));
        Assert.All(restObjectives, o => Assert.StartsWith("Obiettivo ", o.GetProperty("title").GetString()));
        var fullRest = Walk((await Rest().GetJsonAsync("/v1/plans/tree-basic:tree", Cancellation)).GetProperty("roots"));
        Assert.All(fullRest, o => Assert.Equal("Testo lungo", o.GetProperty("description").GetString()));
    }

    private static void CopyFields(Objective into, Objective from, string[] fields) =>
        new FieldMask { Paths = { fields } }.Merge(from, into);

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() == "",
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        JsonValueKind.Number => value.GetDouble() == 0,
        JsonValueKind.False or JsonValueKind.Null => true,
        _ => false,
    };

    private static IEnumerable<JsonElement> Walk(JsonElement nodes)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            yield return node.GetProperty("objective");
            if (node.TryGetProperty("children", out var children))
                foreach (var child in Walk(children)) yield return child;
        }
    }

    [Fact]
    public async Task An_unknown_view_is_invalid_over_grpc_and_rest()
    {
        await PlanAsync("tree-view-bad");
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => TreeAsync("tree-view-bad", (PlanTreeView)42));
        Assert.Equal(["view"], status.ViolatedFields());
        // Over REST the transcoder itself refuses a view it cannot read, before the service sees the call.
        await ApiAssert.RestFailsAsync(System.Net.HttpStatusCode.BadRequest,
            await Rest().GetAsync("/v1/plans/tree-view-bad:tree?view=NOPE", Cancellation));
    }

    [Fact]
    public async Task The_etag_changes_with_every_write_to_the_tree_and_only_then()
    {
        await PlanAsync("tree-etag", freeCodes: true);
        await PlanAsync("tree-etag-other");
        var etags = new List<string> { await EtagAsync("tree-etag") };
        async Task Changed()
        {
            var etag = await EtagAsync("tree-etag");
            Assert.DoesNotContain(etag, etags);
            etags.Add(etag);
        }
        async Task Unchanged() => Assert.Equal(etags[^1], await EtagAsync("tree-etag"));

        await Unchanged();
        var one = await AddAsync("tree-etag", "1");
        await Changed();
        await AddAsync("tree-etag", "2");
        await Changed();
        var child = await AddAsync("tree-etag", "2.1", "2");
        await Changed();
        await Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = child.Name, Title = "Nuovo titolo" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call());
        await Changed();
        var moved = await Grpc().MoveObjectiveAsync(new MoveObjectiveRequest { Name = child.Name, NewParent = one.Name }, Call());
        await Changed();
        await Grpc().CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = one.Name, Report = new ProgressReport { Period = "2024", State = ProgressReport.Types.State.OnTrack },
        }, Call());
        await Changed();
        await Grpc().DeleteObjectiveAsync(new DeleteObjectiveRequest { Name = moved.Name }, Call());
        await Changed();
        await Grpc().UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = "plans/tree-etag", Title = "DUP rivisto" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call());
        await Changed();

        // Reads, a snapshot, another plan's writes and a refused write leave it as it is.
        await TreeAsync("tree-etag");
        await Grpc().GetObjectiveAsync(new GetObjectiveRequest { Name = one.Name }, Call());
        await Grpc().CreatePlanVersionAsync(new CreatePlanVersionRequest { Parent = "plans/tree-etag" }, Call());
        await AddAsync("tree-etag-other", "1");
        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => AddAsync("tree-etag", "1"));
        await Unchanged();
    }

    [Fact]
    public async Task A_current_etag_is_answered_not_modified_without_the_tree()
    {
        await PlanAsync("tree-304");
        await AddAsync("tree-304", "1");
        var held = await TreeAsync("tree-304", PlanTreeView.Basic);

        var answer = await TreeAsync("tree-304", PlanTreeView.Basic, held.Etag);
        Assert.Equal(new PlanTree { Etag = held.Etag, NotModified = true }, answer);
        Assert.Equal(answer, await TreeAsync("tree-304", PlanTreeView.Full, held.Etag));

        var rest = await Rest().GetJsonAsync($"/v1/plans/tree-304:tree?view=BASIC&if_none_match={Uri.EscapeDataString(held.Etag)}", Cancellation);
        Assert.True(rest.GetProperty("notModified").GetBoolean());
        Assert.Equal(0, rest.TryGetProperty("roots", out var roots) ? roots.GetArrayLength() : 0);

        // After a write the same etag brings the new tree whole.
        await AddAsync("tree-304", "2");
        var fresh = await TreeAsync("tree-304", PlanTreeView.Basic, held.Etag);
        Assert.False(fresh.NotModified);
        Assert.NotEqual(held.Etag, fresh.Etag);
        Assert.Equal(2, fresh.ObjectiveCount);
    }

    [Fact]
    public async Task A_plan_created_again_never_repeats_an_old_etag_and_other_tenants_stay_out()
    {
        await PlanAsync("tree-again");
        await AddAsync("tree-again", "1");
        var old = await EtagAsync("tree-again");
        await Grpc().DeletePlanAsync(new DeletePlanRequest { Name = "plans/tree-again", Force = true }, Call());
        await PlanAsync("tree-again");
        await AddAsync("tree-again", "9");

        var again = await TreeAsync("tree-again", PlanTreeView.Basic, old);
        Assert.False(again.NotModified);
        Assert.Equal(["9"], again.Nodes().Select(n => n.Objective.Code));

        // An etag does not open another ente's plan of the same id.
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => TreeAsync("tree-again", PlanTreeView.Basic, again.Etag, tenant: "comune-di-altrove"));
    }

    [Fact]
    public async Task A_card_stored_before_its_binary_copy_reads_the_same_from_its_json()
    {
        await PlanAsync("tree-json-card");
        await AddAsync("tree-json-card", "1");
        var before = await TreeAsync("tree-json-card");
        await using (var connection = await Service<Database>().OpenAsync(Cancellation))
            Assert.Equal(1, await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE objectives SET card_binary = NULL WHERE tenant_id = 'demo' AND plan_id = 'tree-json-card'", cancellationToken: Cancellation)));

        Assert.Equal(before, await TreeAsync("tree-json-card"));
        Assert.Equal("Testo lungo", before.FindByCode("1")!.Objective.Description);
        Assert.Equal(["Zanacchi Luca"], before.FindByCode("1")!.Objective.PoliticalOwners);
    }
}
