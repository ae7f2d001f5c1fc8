using System.Net;
using Google.Protobuf.WellKnownTypes;
using Platform.Launcher.Demo;

namespace Indicators.Tests;

public sealed class PeriodApiTests : IClassFixture<IndicatorsHost>, IDisposable
{
    private readonly IndicatorsHost _host;
    private readonly IndicatorsService.IndicatorsServiceClient _grpc;
    private readonly HttpClient _rest;

    public PeriodApiTests(IndicatorsHost host)
    {
        _host = host;
        _grpc = new IndicatorsService.IndicatorsServiceClient(host.Factory.CreateGrpcChannel());
        _rest = host.Factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_host.Factory.Problems);

    private async Task<Indicator> WasteAsync(string id)
    {
        var indicator = new Indicator
        {
            Title = "Percentuale raccolta differenziata", Unit = "%", Formula = "rd_kg / rsu_kg * 100",
            Variables = { "rd_kg", "rsu_kg" }, Objectives = { _host.Tree.NameOf("1.2") },
        };
        return await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = id, Indicator = indicator });
    }

    private Task<Period> SetAsync(string name, Action<Period> fill, params string[] paths)
    {
        var period = new Period { Name = name };
        fill(period);
        return _grpc.UpdatePeriodAsync(new UpdatePeriodRequest { Period = period, UpdateMask = new FieldMask { Paths = { paths } }, AllowMissing = true }).ResponseAsync;
    }

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
        var json = await _rest.GetJsonAsync("/v1/indicators/rd-2020/periods/2020");
        Assert.Equal("73.42", json.GetProperty("actual").GetString());
        Assert.Equal("91.78", json.GetProperty("achievement").GetString());
        Assert.Equal("PARTIALLY_ACHIEVED", json.GetProperty("status").GetString());
        Assert.Equal("25952148", json.GetProperty("variables").GetProperty("rd_kg").GetString());
    }

    [Fact]
    public async Task Rest_upsert_with_mask_in_query_string()
    {
        await WasteAsync("rd-rest");
        var json = await (await _rest.PatchJsonAsync("/v1/indicators/rd-rest/periods/2021?allow_missing=true&update_mask=target,actual",
            """{"target":"80","actual":"74.75"}""")).ReadJsonAsync();
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

    [Fact]
    public async Task Refusals_are_field_violations_and_nothing_is_written()
    {
        await WasteAsync("rd-refuse");
        const string name = "indicators/rd-refuse/periods/2020";

        async Task Refused(string field, Func<Task> call)
        {
            var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, call);
            Assert.Contains(field, status.ViolatedFields());
        }

        await Refused("period.target", () => SetAsync(name, p => p.Target = "0", "target"));
        await Refused("period.actual", () => SetAsync(name, p => { p.Target = "80"; p.Actual = "7x.4"; }, "target", "actual"));
        await Refused("period.variables", () => SetAsync(name, p => p.Variables["rd_kg"] = "1", "variables"));
        await Refused("period.variables[\"rd\"]", () => SetAsync(name, p => { p.Variables["rd"] = "1"; p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "2"; }, "variables"));
        await Refused("period.variables", () => SetAsync(name, p => { p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "0"; }, "variables"));
        await Refused("period.variables[\"rsu_kg\"]", () => SetAsync(name, p => { p.Variables["rd_kg"] = "1"; p.Variables["rsu_kg"] = "1e5"; }, "variables"));
        await Refused("period.name", () => SetAsync("indicators/rd-refuse/periods/2023-H3", p => p.Target = "80", "target"));
        await Refused("period.name", () => SetAsync("indicators/rd-refuse/periods/2023-Q5", p => p.Target = "80", "target"));

        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.PatchJsonAsync(
            "/v1/indicators/rd-refuse/periods/2020?allow_missing=true&update_mask=actual", """{"actual":"abc"}"""));
        Assert.Equal(["period.actual"], rest.Fields);
        rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.PatchJsonAsync(
            "/v1/indicators/rd-refuse/periods/2023-H3?allow_missing=true&update_mask=target", """{"target":"80"}"""));
        Assert.Equal(["period.name"], rest.Fields);

        Assert.Empty((await _grpc.ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/rd-refuse" })).Periods);
        var audit = await _grpc.ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = "indicators/rd-refuse" });
        Assert.Equal(["create"], audit.AuditEvents.Select(e => e.Action));
    }

    [Fact]
    public async Task Closed_period_refuses_changes_until_reopened_and_every_change_is_audited()
    {
        await WasteAsync("rd-close");
        const string name = "indicators/rd-close/periods/2021";
        await SetAsync(name, p => { p.Target = "80"; p.Actual = "70"; }, "target", "actual");
        await SetAsync(name, p => p.Actual = "74.75", "actual");

        var closed = await _grpc.ClosePeriodAsync(new ClosePeriodRequest { Name = name });
        Assert.True(closed.Closed);
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => SetAsync(name, p => p.Actual = "99", "actual"));
        Assert.Equal(["period.name"], status.ViolatedFields());
        Assert.Contains("closed", status.Message);
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await _rest.PatchJsonAsync($"/v1/{name}?update_mask=target", """{"target":"1"}"""));
        Assert.Equal(["period.name"], rest.Fields);
        var unchanged = await _grpc.GetPeriodAsync(new GetPeriodRequest { Name = name });
        Assert.Equal(("80.00", "74.75", closed.Etag), (unchanged.Target, unchanged.Actual, unchanged.Etag));

        // Reopening is the admin's: a planner is refused and the period stays closed.
        var planner = new IndicatorsService.IndicatorsServiceClient(_host.Factory.CreateGrpcChannel("demo", "paola", "planner"));
        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied,
            () => planner.ReopenPeriodAsync(new ReopenPeriodRequest { Name = name }).ResponseAsync);
        Assert.True((await _grpc.GetPeriodAsync(new GetPeriodRequest { Name = name })).Closed);

        var reopened = await _grpc.ReopenPeriodAsync(new ReopenPeriodRequest { Name = name, Etag = closed.Etag });
        Assert.False(reopened.Closed);
        var changed = await SetAsync(name, p => p.Actual = "76", "actual");
        Assert.Equal("95.00", changed.Achievement);

        var events = (await _grpc.ListIndicatorAuditEventsAsync(new ListIndicatorAuditEventsRequest { Parent = "indicators/rd-close" })).AuditEvents;
        Assert.Equal(["create", "create", "update", "close", "reopen", "update"], events.Select(e => e.Action));
        var firstChange = events[2].Changes.Single(c => c.Field == "actual");
        Assert.Equal(("70.00", "74.75"), (firstChange.OldValue, firstChange.NewValue));
        Assert.Equal("tester", events[2].Actor);
        Assert.Equal(name, events[2].Resource);
    }

    [Fact]
    public async Task Sub_annual_periods_aggregate_to_the_year()
    {
        foreach (var (id, aggregation) in new[] { ("visits-sum", Indicator.Types.Aggregation.Sum), ("visits-avg", Indicator.Types.Aggregation.Average), ("visits-last", Indicator.Types.Aggregation.Last) })
        {
            await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = id, Indicator = new Indicator { Title = "Visitatori", Aggregation = aggregation, Decimals = 0 } });
            await SetAsync($"indicators/{id}/periods/2023", p => p.Target = "1000", "target");
            await SetAsync($"indicators/{id}/periods/2023-Q1", p => p.Actual = "200", "actual");
            await SetAsync($"indicators/{id}/periods/2023-Q2", p => p.Actual = "301", "actual");
            await SetAsync($"indicators/{id}/periods/2023-H1", p => p.Actual = "9999", "actual");
        }

        var series = await _grpc.BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { "indicators/visits-sum", "indicators/visits-avg", "indicators/visits-last" } });
        var years = series.Series.Select(s => s.Periods.Single(p => p.Name.EndsWith("/2023"))).ToList();
        Assert.Equal(["501", "251", "301"], years.Select(y => y.Actual));
        Assert.All(years, y => Assert.True(y.ActualAggregated));
        Assert.Equal("50.10", years[0].Achievement);
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-H1", "2023"], series.Series[0].Periods.Select(p => p.Name.Split('/')[^1]));

        var json = await _rest.GetJsonAsync("/v1/indicators/-/timeSeries?names=indicators/visits-sum&names=indicators/visits-last&start_year=2023&end_year=2023");
        Assert.Equal(2, json.GetProperty("series").GetArrayLength());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => _grpc.BatchGetTimeSeriesAsync(
            new BatchGetTimeSeriesRequest { Names = { "indicators/visits-sum", "indicators/missing" } }).ResponseAsync);
    }

    [Fact]
    public async Task Deficit_parameter_p1_flags_the_2020_breach_the_dup_declared_as_no()
    {
        var csv = IndicatorsDemo.ReadCsv(File.ReadAllText(Path.Combine(Path.GetDirectoryName(IndicatorsDemo.FindDataFile()!)!, "indicators-deficit-parameters.csv")));
        var p1 = csv.Single(r => r["code"] == "P1");
        await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "deficit-p1",
            Indicator = new Indicator
            {
                Title = p1["description"], Unit = "%", Kind = Indicator.Types.Kind.Financial,
                Threshold = new Threshold { Comparison = Threshold.Types.Comparison.GreaterThan, Value = p1["threshold_percent"] },
            },
        });
        foreach (var year in new[] { 2017, 2018, 2019, 2020, 2021 })
            await SetAsync($"indicators/deficit-p1/periods/{year}", p => p.Actual = p1[$"y{year}"], "actual");

        var periods = (await _grpc.ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/deficit-p1" })).Periods;
        Assert.Equal(["2020"], periods.Where(p => p.ThresholdBreached).Select(p => p.Name.Split('/')[^1]));
        Assert.All(periods, p => Assert.Equal(Status.NoTarget, p.Status));
    }
}
