using System.Net;
using Google.Protobuf.WellKnownTypes;

namespace Indicators.Tests;

/// <summary>
/// What the source printed beside a period (<c>printed_achievement</c>, <c>printed_breach</c>): set through
/// UpdatePeriod over gRPC and REST, returned on reads, audited, and never used in computing.
/// </summary>
public sealed class PrintedValuesApiTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    /// <summary>A deficit parameter like the DUP's P1: lower is better, a breach above 48.</summary>
    private async Task<string> ThresholdIndicatorAsync(string id)
    {
        await Grpc().CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = id,
            Indicator = new Indicator
            {
                Title = "P1 - Incidenza spese rigide su entrate correnti", Unit = "%", Kind = Indicator.Types.Kind.Financial,
                Polarity = Indicator.Types.Polarity.LowerIsBetter,
                Threshold = new Threshold { Comparison = Threshold.Types.Comparison.GreaterThan, Value = "48" },
            },
        }, Call());
        return $"indicators/{id}/periods/2020";
    }

    private Task<Period> UpdateAsync(Period period, params string[] paths) =>
        Grpc().UpdatePeriodAsync(new UpdatePeriodRequest { Period = period, UpdateMask = new FieldMask { Paths = { paths } }, AllowMissing = true }, Call())
            .ResponseAsync;

    [Fact]
    public async Task Grpc_update_with_printed_values_round_trips_and_leaves_the_computed_ones_alone()
    {
        var name = await ThresholdIndicatorAsync("printed-grpc");

        var updated = await UpdateAsync(new Period { Name = name, Actual = "61.41", PrintedAchievement = "13.2", PrintedBreach = false },
            "actual", "printed_achievement", "printed_breach");
        var read = await Grpc().GetPeriodAsync(new GetPeriodRequest { Name = name }, Call());

        Assert.Equal(updated, read);
        Assert.Equal(("13.20", true, false), (read.PrintedAchievement, read.HasPrintedBreach, read.PrintedBreach));
        Assert.True(read.ThresholdBreached);
        Assert.Equal("", read.Achievement);
        var events = (await Grpc().ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = "indicators/printed-grpc" }, Call())).AuditEvents;
        var created = events.Single(e => e.Resource == name);
        Assert.Equal(("13.20", "false"), (created.Changes.Single(c => c.Field == "printed_achievement").NewValue,
            created.Changes.Single(c => c.Field == "printed_breach").NewValue));
    }

    [Fact]
    public async Task Grpc_update_of_other_fields_keeps_the_printed_values_and_a_masked_empty_value_clears_them()
    {
        var name = await ThresholdIndicatorAsync("printed-keep");
        await UpdateAsync(new Period { Name = name, Actual = "61.41", PrintedBreach = true, PrintedAchievement = "0" },
            "actual", "printed_breach", "printed_achievement");

        var noted = await UpdateAsync(new Period { Name = name, Note = "Rendiconto 2020" }, "note");
        var cleared = await UpdateAsync(new Period { Name = name }, "printed_breach", "printed_achievement");

        Assert.Equal(("0.00", true, true), (noted.PrintedAchievement, noted.HasPrintedBreach, noted.PrintedBreach));
        Assert.Equal(("", false), (cleared.PrintedAchievement, cleared.HasPrintedBreach));
        var events = (await Grpc().ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = "indicators/printed-keep" }, Call())).AuditEvents;
        var change = events.Last(e => e.Resource == name).Changes.Single(c => c.Field == "printed_breach");
        Assert.Equal(("true", false), (change.OldValue, change.HasNewValue));
    }

    [Fact]
    public async Task Rest_patch_with_printed_values_round_trips()
    {
        var name = await ThresholdIndicatorAsync("printed-rest");

        var patched = await (await Rest().PatchJsonAsync(
            $"/v1/{name}?allow_missing=true&update_mask=actual,printedAchievement,printedBreach",
            """{"actual":"61.41","printedAchievement":"100","printedBreach":false}""", Cancellation)).ReadJsonAsync(Cancellation);
        var read = await Rest().GetJsonAsync($"/v1/{name}", Cancellation);

        foreach (var json in new[] { patched, read })
        {
            Assert.Equal("100.00", json.GetProperty("printedAchievement").GetString());
            Assert.False(json.GetProperty("printedBreach").GetBoolean());
            Assert.True(json.GetProperty("thresholdBreached").GetBoolean());
        }
        var grpc = await Grpc().GetPeriodAsync(new GetPeriodRequest { Name = name }, Call());
        Assert.Equal(("100.00", true, false), (grpc.PrintedAchievement, grpc.HasPrintedBreach, grpc.PrintedBreach));
    }

    [Fact]
    public async Task A_malformed_printed_achievement_or_a_flag_without_threshold_is_refused_on_its_field_over_grpc_and_rest()
    {
        var name = await ThresholdIndicatorAsync("printed-refuse");
        await Grpc().CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "printed-no-threshold", Indicator = new Indicator { Title = "Senza soglia", Unit = "%" },
        }, Call());
        const string plain = "indicators/printed-no-threshold/periods/2020";

        var malformed = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => UpdateAsync(new Period { Name = name, PrintedAchievement = "13,2%" }, "printed_achievement"));
        var withoutThreshold = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => UpdateAsync(new Period { Name = plain, PrintedBreach = true }, "printed_breach"));
        var restMalformed = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PatchJsonAsync(
            $"/v1/{name}?allow_missing=true&update_mask=printedAchievement", """{"printedAchievement":"abc"}""", Cancellation));
        var restWithoutThreshold = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PatchJsonAsync(
            $"/v1/{plain}?allow_missing=true&update_mask=printedBreach", """{"printedBreach":true}""", Cancellation));

        Assert.Equal(["period.printed_achievement"], malformed.ViolatedFields());
        Assert.Equal(["period.printed_breach"], withoutThreshold.ViolatedFields());
        Assert.Equal(["period.printed_achievement"], restMalformed.Fields);
        Assert.Equal(["period.printed_breach"], restWithoutThreshold.Fields);
        Assert.Empty((await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/printed-refuse" }, Call())).Periods);
        Assert.Empty((await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/printed-no-threshold" }, Call())).Periods);
    }
}
