using Google.Protobuf.WellKnownTypes;
using Platform.Quality.V1;

namespace Indicators.Tests.Quality;

/// <summary>ValidatePlanIndicators, rule settings and silences through gRPC and REST.</summary>
public sealed class IndicatorsQualityApiTests : IndicatorsTest, IClassFixture<IndicatorsHost>
{
    private readonly IndicatorsHost _host;

    public IndicatorsQualityApiTests(IndicatorsHost host) : base(host)
    {
        _host = host;
        host.Plan.Tree.Plan.StartYear = 2023;
        host.Plan.Tree.Plan.EndYear = 2024;
    }

    private ValidatePlanIndicatorsRequest PlanRequest => new() { Plan = _host.Plan.PlanName };

    /// <summary>An indicator of 1.1 with a target for 2023 only and an actual of 0 in 2023.</summary>
    private async Task<IndicatorsService.IndicatorsServiceClient> IndicatorAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "verde", Indicator = new Indicator { Title = "Verde riqualificato", Unit = "%", Objectives = { _host.Plan.NameOf("1.1") } },
        }, Call());
        await grpc.UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = "indicators/verde/periods/2023", Target = "12", Actual = "0" },
            UpdateMask = new FieldMask { Paths = { "target", "actual" } }, AllowMissing = true,
        }, Call());
        return grpc;
    }

    [Fact]
    public async Task Grpc_and_rest_report_the_missing_target_and_the_zero_on_their_periods()
    {
        var grpc = await IndicatorAsync("ind-quality");

        var report = await grpc.ValidatePlanIndicatorsAsync(PlanRequest, Call());
        var rest = await Rest("ind-quality").GetJsonAsync($"/v1/indicators:validate?plan={_host.Plan.PlanName}", Cancellation);

        Assert.Equal([("indicator.zero_actual", "indicators/verde/periods/2023", "actual"), ("indicator.target_missing", "indicators/verde/periods/2024", "target")],
            report.Findings.Select(f => (f.Rule, f.Resource, f.Field)));
        Assert.Equal((1, 1), (report.Counts.Warnings, report.Counts.Infos));
        Assert.Equal(report.Findings.Select(f => f.MessageIt), rest.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("messageIt").GetString()));
    }

    [Fact]
    public async Task A_silenced_zero_is_audited_on_the_indicator_and_counted_as_silenced()
    {
        var grpc = await IndicatorAsync("ind-silence");

        var response = await Rest("ind-silence").PostJsonAsync("/v1/indicators:silenceFinding",
            """{"resource":"indicators/verde/periods/2023","rule":"indicator.zero_actual","reason":"Nel 2023 non è stato riqualificato nulla"}""", Cancellation);
        response.EnsureSuccessStatusCode();
        var report = await grpc.ValidatePlanIndicatorsAsync(PlanRequest, Call());
        var audit = await grpc.ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = "indicators/verde" }, Call());

        Assert.True(report.Findings.Single(f => f.Rule == "indicator.zero_actual").Silenced);
        Assert.Equal((1, 0), (report.Counts.Silenced, report.Counts.Infos));
        Assert.Contains(audit.AuditEvents, e => e.Action == "silence_finding" && e.Resource == "indicators/verde/periods/2023");
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_their_field_over_grpc_and_rest()
    {
        var grpc = await IndicatorAsync("ind-bad");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => grpc.ValidatePlanIndicatorsAsync(new ValidatePlanIndicatorsRequest { Plan = "piani/x" }, Call()).ResponseAsync);
        var rest = await ApiAssert.RestFailsAsync(System.Net.HttpStatusCode.BadRequest,
            await Rest("ind-bad").GetAsync("/v1/indicators:validate?plan=piani/x", Cancellation));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.SilenceFindingAsync(new SilenceFindingRequest
        {
            Resource = "indicators/altro", Rule = "indicator.zero_actual", Reason = "non esiste",
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => grpc.ValidatePlanIndicatorsAsync(new ValidatePlanIndicatorsRequest { Plan = "plans/altro" }, Call()).ResponseAsync);

        Assert.Equal(["plan"], status.ViolatedFields());
        Assert.Equal(["plan"], rest.Fields);
    }

    [Fact]
    public async Task A_rule_turned_off_no_longer_runs_for_that_ente()
    {
        var grpc = await IndicatorAsync("ind-off");

        await grpc.UpdateQualityRuleAsync(new UpdateQualityRuleRequest { Rule = new QualityRule { Rule = "indicator.zero_actual" } }, Call());
        var report = await grpc.ValidatePlanIndicatorsAsync(PlanRequest, Call());
        var rules = await grpc.ListQualityRulesAsync(new ListQualityRulesRequest(), Call());

        Assert.Equal(["indicator.target_missing"], report.Findings.Select(f => f.Rule));
        Assert.False(rules.Rules.Single(r => r.Rule == "indicator.zero_actual").Enabled);
    }
}
