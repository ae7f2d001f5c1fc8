using Platform.Quality.V1;

namespace Objectives.Tests.Quality;

/// <summary>ValidatePlan, rule settings and silences through gRPC and REST.</summary>
public sealed class PlanQualityApiTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    /// <summary>A plan of <paramref name="tenant"/> whose objective 4.2.4 sits under 4.4 (allowed by free codes).</summary>
    private async Task<ObjectivesService.ObjectivesServiceClient> MisplacedPlanAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        await grpc.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = "dup", Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, FreeChildCodes = true,
                Levels = { "Linea", "Obiettivo strategico", "Obiettivo operativo" } },
        }, Call());
        foreach (var (code, parent) in new[] { ("4", ""), ("4.4", "4"), ("4.2.4", "4.4") })
            await grpc.CreateObjectiveAsync(new CreateObjectiveRequest
            {
                Parent = "plans/dup", ObjectiveId = code,
                Objective = new Objective { Title = "Obiettivo " + code, Parent = parent.Length == 0 ? "" : "plans/dup/objectives/" + parent },
            }, Call());
        return grpc;
    }

    private static readonly ValidatePlanRequest Dup = new() { Name = "plans/dup" };

    [Fact]
    public async Task Grpc_and_rest_report_the_misplaced_objective_with_its_field()
    {
        var grpc = await MisplacedPlanAsync("quality-report");

        var report = await grpc.ValidatePlanAsync(Dup, Call());
        var json = await Rest("quality-report").GetJsonAsync("/v1/plans/dup:validate", Cancellation);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("objective.code_not_extending_parent", "plans/dup/objectives/4.2.4", "code", Severity.Warning),
            (finding.Rule, finding.Resource, finding.Field, finding.Severity));
        Assert.Contains("4.4", finding.MessageIt);
        Assert.Equal(1, report.Counts.Warnings);
        Assert.Equal(ObjectiveRulesCount, report.RulesRun);
        var rest = Assert.Single(json.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(finding.MessageIt, rest.GetProperty("messageIt").GetString());
        Assert.Equal("WARNING", rest.GetProperty("severity").GetString());
    }

    private static int ObjectiveRulesCount => Platform.Objectives.Quality.ObjectiveRules.All.Count;

    [Fact]
    public async Task A_silenced_finding_is_listed_as_silenced_not_counted_and_audited_on_the_resource()
    {
        var grpc = await MisplacedPlanAsync("quality-silence");
        var request = new SilenceFindingRequest
        {
            Resource = "plans/dup/objectives/4.2.4", Rule = "objective.code_not_extending_parent", Reason = "Codice storico mantenuto dal DUP",
        };

        var silence = await grpc.SilenceFindingAsync(request, Call());
        var report = await grpc.ValidatePlanAsync(Dup, Call());
        var audit = await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/dup/objectives/4.2.4" }, Call());

        Assert.Equal("tester", silence.CreateUser);
        var finding = Assert.Single(report.Findings);
        Assert.True(finding.Silenced);
        Assert.Equal("Codice storico mantenuto dal DUP", finding.SilenceReason);
        Assert.Equal((0, 1), (report.Counts.Warnings, report.Counts.Silenced));
        var change = Assert.Single(audit.AuditEvents, e => e.Action == "silence_finding").Changes.Single();
        Assert.Equal(("quality_silence.objective.code_not_extending_parent", "Codice storico mantenuto dal DUP"), (change.Field, change.NewValue));

        var response = await Rest("quality-silence").PostJsonAsync("/v1/plans:unsilenceFinding",
            """{"resource":"plans/dup/objectives/4.2.4","rule":"objective.code_not_extending_parent"}""", Cancellation);
        response.EnsureSuccessStatusCode();
        Assert.False(Assert.Single((await grpc.ValidatePlanAsync(Dup, Call())).Findings).Silenced);
    }

    [Fact]
    public async Task An_ente_turns_a_rule_off_or_changes_its_severity_for_itself_only()
    {
        var grpc = await MisplacedPlanAsync("quality-settings");
        await MisplacedPlanAsync("quality-settings-other");

        var rule = await grpc.UpdateQualityRuleAsync(new UpdateQualityRuleRequest
        {
            Rule = new QualityRule { Rule = "objective.code_not_extending_parent", Enabled = true, Severity = Severity.Error },
        }, Call());
        var raised = await grpc.ValidatePlanAsync(Dup, Call());
        await Rest("quality-settings").PostJsonAsync("/v1/plans:updateQualityRule",
            """{"rule":{"rule":"objective.code_not_extending_parent","enabled":false}}""", Cancellation);
        var off = await grpc.ValidatePlanAsync(Dup, Call());
        var other = await Grpc("quality-settings-other").ValidatePlanAsync(Dup, Call());
        var rules = await grpc.ListQualityRulesAsync(new ListQualityRulesRequest(), Call());

        Assert.Equal((Severity.Error, Severity.Warning), (rule.Severity, rule.DefaultSeverity));
        Assert.Equal(Severity.Error, Assert.Single(raised.Findings).Severity);
        Assert.Empty(off.Findings);
        Assert.Equal(ObjectiveRulesCount - 1, off.RulesRun);
        Assert.Equal(Severity.Warning, Assert.Single(other.Findings).Severity);
        Assert.False(rules.Rules.Single(r => r.Rule == "objective.code_not_extending_parent").Enabled);
        Assert.All(rules.Rules, r => Assert.NotEmpty(r.DescriptionIt));
    }

    [Fact]
    public async Task Bad_silences_are_refused_with_the_field_over_grpc_and_rest()
    {
        var grpc = await MisplacedPlanAsync("quality-bad");
        var bad = new SilenceFindingRequest { Resource = "budgets/b", Rule = "objective.nonexistent" };

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.SilenceFindingAsync(bad, Call()).ResponseAsync);
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest("quality-bad").PostJsonAsync(
            "/v1/plans:silenceFinding", """{"resource":"budgets/b","rule":"objective.nonexistent"}""", Cancellation));

        Assert.Equal(["rule", "resource", "reason"], status.ViolatedFields());
        Assert.Equal(status.ViolatedFields(), rest.Fields);
    }

    [Fact]
    public async Task Another_entes_plan_is_not_found_to_validate_or_to_silence()
    {
        await MisplacedPlanAsync("quality-owner");
        var stranger = Grpc("quality-stranger");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => stranger.ValidatePlanAsync(Dup, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => stranger.SilenceFindingAsync(new SilenceFindingRequest
        {
            Resource = "plans/dup/objectives/4.2.4", Rule = "objective.code_not_extending_parent", Reason = "non mio",
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => stranger.UnsilenceFindingAsync(new UnsilenceFindingRequest
        {
            Resource = "plans/dup/objectives/4.2.4", Rule = "objective.code_not_extending_parent",
        }, Call()).ResponseAsync);
    }
}
