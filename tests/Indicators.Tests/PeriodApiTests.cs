using System.Net;
using Google.Protobuf.WellKnownTypes;
using Platform.Launcher.Demo;

namespace Indicators.Tests;

public sealed class PeriodApiTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private async Task<Indicator> WasteAsync(string id)
    {
        var indicator = new Indicator
        {
            Title = "Percentuale raccolta differenziata", Unit = "%", Formula = "rd_kg / rsu_kg * 100",
            Variables = { "rd_kg", "rsu_kg" }, Objectives = { host.Plan.NameOf("1.2") },
        };
        return await Grpc().CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = id, Indicator = indicator }, Call());
    }

    private Task<Period> SetAsync(string name, Action<Period> fill, params string[] paths)
    {
        var period = new Period { Name = name };
        fill(period);
        return Grpc().UpdatePeriodAsync(new UpdatePeriodRequest { Period = period, UpdateMask = new FieldMask { Paths = { paths } }, AllowMissing = true }, Call())
            .ResponseAsync;
    }

    private Task<Period> GetAsync(string name) => Grpc().GetPeriodAsync(new GetPeriodRequest { Name = name }, Call()).ResponseAsync;

    private async Task<IReadOnlyList<Platform.Common.V1.AuditEvent>> AuditEventsAsync(string indicator) =>
        (await Grpc().ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = indicator }, Call())).AuditEvents;

    [Fact]
    public async Task Waste_indicator_computes_actual_73_42_and_achievement_91_78()
    {
        await WasteAsync("rd-2020");

        var period = await SetAsync("indicators/rd-2020/periods/2020", p =>
        {
            p.Target = "80";
            p.Variables["rd_kg"] = "25952148";
            p.Variables["rsu_kg"] = "35347748";
        }, "target", "variables");

        Assert.Equal(("73.42", "91.78", Status.PartiallyAchieved, true), (period.Actual, period.Achievement, period.Status, period.ActualComputed));
        var json = await Rest().GetJsonAsync("/v1/indicators/rd-2020/periods/2020", Cancellation);
        Assert.Equal("73.42", json.GetProperty("actual").GetString());
        Assert.Equal("91.78", json.GetProperty("achievement").GetString());
        Assert.Equal("PARTIALLY_ACHIEVED", json.GetProperty("status").GetString());
        Assert.Equal("25952148", json.GetProperty("variables").GetProperty("rd_kg").GetString());
    }

    [Fact]
    public async Task Rest_upsert_with_mask_in_query_string()
    {
        await WasteAsync("rd-rest");

        var json = await (await Rest().PatchJsonAsync("/v1/indicators/rd-rest/periods/2021?allow_missing=true&update_mask=target,actual",
            """{"target":"80","actual":"74.75"}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("93.44", json.GetProperty("achievement").GetString());
        Assert.False(json.GetProperty("actualComputed").GetBoolean());
    }

    [Fact]
    public async Task Not_measured_is_not_zero()
    {
        await WasteAsync("rd-nm");

        var target = await SetAsync("indicators/rd-nm/periods/2022", p => p.Target = "80", "target");
        var zero = await SetAsync("indicators/rd-nm/periods/2023", p => { p.Target = "80"; p.Actual = "0"; }, "target", "actual");

        Assert.Equal(("", "", Status.NotMeasured), (target.Actual, target.Achievement, target.Status));
        Assert.Equal(("0.00", "0.00", Status.NotAchieved), (zero.Actual, zero.Achievement, zero.Status));
    }

    private static async Task RefusedAsync(string field, Func<Task> call)
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, call);
        Assert.Contains(field, status.ViolatedFields());
    }

    private async Task AssertNothingWrittenAsync(string indicator)
    {
        Assert.Empty((await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = indicator }, Call())).Periods);
        Assert.Equal(["create"], (await AuditEventsAsync(indicator)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_zero_target_or_a_malformed_actual_is_refused_and_nothing_is_written()
    {
        await WasteAsync("rd-refuse-values");
        const string name = "indicators/rd-refuse-values/periods/2020";

        await RefusedAsync("period.target", () => SetAsync(name, p => p.Target = "0", "target"));
        await RefusedAsync("period.actual", () => SetAsync(name, p => { p.Target = "80"; p.Actual = "7x.4"; }, "target", "actual"));
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PatchJsonAsync(
            $"/v1/{name}?allow_missing=true&update_mask=actual", """{"actual":"abc"}""", Cancellation));
        Assert.Equal(["period.actual"], rest.Fields);

        await AssertNothingWrittenAsync("indicators/rd-refuse-values");
    }

    [Fact]
    public async Task Variables_that_do_not_fit_the_formula_are_refused_and_nothing_is_written()
    {
        await WasteAsync("rd-refuse-variables");
        const string name = "indicators/rd-refuse-variables/periods/2020";

        await RefusedAsync("period.variables", () => SetAsync(name, p => p.Variables["rd_kg"] = "1", "variables"));
        await RefusedAsync("period.variables[\"rd\"]",
            () => SetAsync(name, p => { p.Variables["rd"] = "1"; p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "2"; }, "variables"));
        await RefusedAsync("period.variables", () => SetAsync(name, p => { p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "0"; }, "variables"));
        await RefusedAsync("period.variables[\"rsu_kg\"]",
            () => SetAsync(name, p => { p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "1e5"; }, "variables"));

        await AssertNothingWrittenAsync("indicators/rd-refuse-variables");
    }

    [Fact]
    public async Task A_period_that_is_not_a_year_half_or_quarter_is_refused_and_nothing_is_written()
    {
        await WasteAsync("rd-refuse-names");

        await RefusedAsync("period.name", () => SetAsync("indicators/rd-refuse-names/periods/2023-H3", p => p.Target = "80", "target"));
        await RefusedAsync("period.name", () => SetAsync("indicators/rd-refuse-names/periods/2023-Q5", p => p.Target = "80", "target"));
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PatchJsonAsync(
            "/v1/indicators/rd-refuse-names/periods/2023-H3?allow_missing=true&update_mask=target", """{"target":"80"}""", Cancellation));
        Assert.Equal(["period.name"], rest.Fields);

        await AssertNothingWrittenAsync("indicators/rd-refuse-names");
    }

    /// <summary>Period 2021 of a new waste indicator, set to 80/70, then actual 74.75, then closed.</summary>
    private async Task<Period> ClosedPeriodAsync(string id)
    {
        await WasteAsync(id);
        var name = $"indicators/{id}/periods/2021";
        await SetAsync(name, p => { p.Target = "80"; p.Actual = "70"; }, "target", "actual");
        await SetAsync(name, p => p.Actual = "74.75", "actual");
        var closed = await Grpc().ClosePeriodAsync(new ClosePeriodRequest { Name = name }, Call());
        Assert.True(closed.Closed);
        return closed;
    }

    [Fact]
    public async Task A_closed_period_refuses_changes_over_grpc_and_rest()
    {
        var closed = await ClosedPeriodAsync("rd-close");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => SetAsync(closed.Name, p => p.Actual = "99", "actual"));
        Assert.Equal(["period.name"], status.ViolatedFields());
        Assert.Contains("closed", status.Message);
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Rest().PatchJsonAsync($"/v1/{closed.Name}?update_mask=target", """{"target":"1"}""", Cancellation));
        Assert.Equal(["period.name"], rest.Fields);
        var unchanged = await GetAsync(closed.Name);
        Assert.Equal(("80.00", "74.75", closed.Etag), (unchanged.Target, unchanged.Actual, unchanged.Etag));
    }

    [Fact]
    public async Task A_planner_cannot_reopen_a_period_and_it_stays_closed()
    {
        var closed = await ClosedPeriodAsync("rd-reopen-planner");

        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied,
            () => Grpc("demo", "planner").ReopenPeriodAsync(new ReopenPeriodRequest { Name = closed.Name }, Call()).ResponseAsync);

        Assert.True((await GetAsync(closed.Name)).Closed);
    }

    private async Task<Period> ReopenedAndChangedAsync(Period closed)
    {
        var reopened = await Grpc().ReopenPeriodAsync(new ReopenPeriodRequest { Name = closed.Name, Etag = closed.Etag }, Call());
        Assert.False(reopened.Closed);
        return await SetAsync(closed.Name, p => p.Actual = "76", "actual");
    }

    [Fact]
    public async Task A_reopened_period_takes_changes_again()
    {
        var closed = await ClosedPeriodAsync("rd-reopen");

        var changed = await ReopenedAndChangedAsync(closed);

        Assert.Equal("95.00", changed.Achievement);
    }

    [Fact]
    public async Task Every_period_change_is_audited_with_old_and_new_values()
    {
        var closed = await ClosedPeriodAsync("rd-audit");
        await ReopenedAndChangedAsync(closed);

        var events = await AuditEventsAsync("indicators/rd-audit");

        Assert.Equal(["create", "create", "update", "close", "reopen", "update"], events.Select(e => e.Action));
        var firstChange = events[2].Changes.Single(c => c.Field == "actual");
        Assert.Equal(("70.00", "74.75"), (firstChange.OldValue, firstChange.NewValue));
        Assert.Equal("tester", events[2].Actor);
        Assert.Equal(closed.Name, events[2].Resource);
    }

    /// <summary>Visitors indicators summed, averaged and last-valued, each with a 2023 target and Q1, Q2 and H1 actuals.</summary>
    private async Task<string[]> VisitsAsync(string prefix)
    {
        var names = new List<string>();
        foreach (var (suffix, aggregation) in new[] { ("sum", Indicator.Types.Aggregation.Sum), ("avg", Indicator.Types.Aggregation.Average), ("last", Indicator.Types.Aggregation.Last) })
        {
            var id = $"{prefix}-{suffix}";
            await Grpc().CreateIndicatorAsync(new CreateIndicatorRequest
            {
                IndicatorId = id, Indicator = new Indicator { Title = "Visitatori", Aggregation = aggregation, Decimals = 0 },
            }, Call());
            await SetAsync($"indicators/{id}/periods/2023", p => p.Target = "1000", "target");
            await SetAsync($"indicators/{id}/periods/2023-Q1", p => p.Actual = "200", "actual");
            await SetAsync($"indicators/{id}/periods/2023-Q2", p => p.Actual = "301", "actual");
            await SetAsync($"indicators/{id}/periods/2023-H1", p => p.Actual = "9999", "actual");
            names.Add($"indicators/{id}");
        }
        return [.. names];
    }

    [Fact]
    public async Task Sub_annual_periods_aggregate_to_the_year()
    {
        var names = await VisitsAsync("visits");

        var series = await Grpc().BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { names } }, Call());

        var years = series.Series.Select(s => s.Periods.Single(p => p.Name.EndsWith("/2023"))).ToList();
        Assert.Equal(["501", "251", "301"], years.Select(y => y.Actual));
        Assert.All(years, y => Assert.True(y.ActualAggregated));
        Assert.Equal("50.10", years[0].Achievement);
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-H1", "2023"], series.Series[0].Periods.Select(p => p.Name.Split('/')[^1]));
    }

    [Fact]
    public async Task Rest_reads_the_time_series_of_the_named_indicators()
    {
        await VisitsAsync("visits-rest");

        var json = await Rest().GetJsonAsync(
            "/v1/indicators/-/timeSeries?names=indicators/visits-rest-sum&names=indicators/visits-rest-last&start_year=2023&end_year=2023", Cancellation);

        Assert.Equal(2, json.GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task Time_series_naming_an_unknown_indicator_is_not_found()
    {
        var names = await VisitsAsync("visits-missing");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => Grpc().BatchGetTimeSeriesAsync(
            new BatchGetTimeSeriesRequest { Names = { names[0], "indicators/missing" } }, Call()).ResponseAsync);
    }
}
