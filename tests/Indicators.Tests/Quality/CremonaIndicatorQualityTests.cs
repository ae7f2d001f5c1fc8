using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Quality;
using Platform.Launcher.Demo;
using Platform.Quality.V1;
using Platform.ServiceDefaults;

namespace Indicators.Tests.Quality;

/// <summary>
/// The indicators' report on the Cremona DUP as the demo loads it (years 2023-2025), with the achievements and
/// breach flags the DUP prints stored beside the periods, and a clean set of the same size.
/// </summary>
public sealed class CremonaIndicatorQualityTests : IndicatorsTest, IClassFixture<CremonaHost>
{
    private const string Dup = "plans/dup-2023-2025";
    private static readonly RequestIdentity Demo = new("demo", "tester");

    public CremonaIndicatorQualityTests(CremonaHost host) : base(host)
    {
        host.Plan.Tree.Plan.StartYear = 2023;
        host.Plan.Tree.Plan.EndYear = 2025;
    }

    /// <summary>The indicator tables as extracted from the DUP (what the document prints).</summary>
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Extracted =
        Platform.Spreadsheets.Records.CsvRecords.Read(DemoFiles.Find("data/demo/cremona-dup-2023-2025/indicators.csv")!);

    /// <summary>Zeros the DUP prints that are not measurements: the demo files leave them empty.</summary>
    private static bool NotMeasured(IReadOnlyDictionary<string, string> row) =>
        row["actual_status"] is "zero_not_yet_measured" or "zero_not_measurable" or "zero_data_not_available";

    /// <summary>The demo files' id of a DUP indicator: <c>1.2#1</c> is <c>dup-1-2-i1</c>.</summary>
    private static string IndicatorId(string code) => "dup-" + code.Replace('.', '-').Replace("#", "-i");

    /// <summary>The one place the demo is read: the host loads it with the launcher's loader.</summary>
    private Task<ValidationReport> DemoReportAsync() =>
        Grpc().ValidatePlanIndicatorsAsync(new ValidatePlanIndicatorsRequest { Plan = Dup }, Call()).ResponseAsync;

    private static string Key(string resource)
    {
        var parts = resource.Split('/');
        return $"{parts[1]} {parts[^1]}";
    }

    [Fact]
    public async Task The_demo_report_finds_the_missing_2025_targets_and_the_zeros_the_dup_prints()
    {
        var report = await DemoReportAsync();

        var missing = report.Findings.Where(f => f.Rule == "indicator.target_missing").Select(f => Key(f.Resource)).ToList();
        Assert.Equal(44, missing.Count);
        Assert.All(missing, key => Assert.EndsWith(" 2025", key));
        var zeros = Extracted
            .Where(r => !NotMeasured(r) && r["direction"] != "binary_1_done_0_not_done"
                && r["indicator_id"] != "1.2#1" && decimal.Parse(r["actual"], CultureInfo.InvariantCulture) == 0m)
            .Select(r => $"{IndicatorId(r["indicator_id"])} {r["year"]}").Order().ToList();
        Assert.Equal(zeros, report.Findings.Where(f => f.Rule == "indicator.zero_actual").Select(f => Key(f.Resource)).Order());
        Assert.NotEmpty(zeros);
        Assert.DoesNotContain(report.Findings, f => f.Rule is "indicator.objective_unknown" or "indicator.formula_mismatch");
    }

    [Fact]
    public async Task The_report_finds_the_printed_achievements_of_4_1_in_2021_and_8_7_in_2020_that_contradict_the_rule()
    {
        var report = await DemoReportAsync();

        var hits = report.Findings.Where(f => f.Rule == "indicator.printed_achievement_mismatch").ToList();
        Assert.Equal(
            [("indicators/dup-4-1-i1/periods/2021", "printed_achievement"), ("indicators/dup-8-7-i1/periods/2020", "printed_achievement")],
            hits.Select(h => (h.Resource, h.Field)).Order());
        Assert.All(hits, h => Assert.Equal(Severity.Warning, h.Severity));
        Assert.Contains("Il raggiungimento stampato 13,2% non è quello che dà la regola dell'indicatore (100%)",
            hits.Single(h => h.Resource.Contains("8-7", StringComparison.Ordinal)).MessageIt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_achievements_and_breach_flags_the_dup_prints_are_stored_as_printed()
    {
        var grpc = Grpc();
        var railway = await grpc.GetPeriodAsync(new GetPeriodRequest { Name = "indicators/dup-4-1-i1/periods/2021" }, Call());
        Assert.Equal(("1.00", "100.00", "0.00", false), (railway.Actual, railway.Achievement, railway.PrintedAchievement, railway.HasPrintedBreach));
        var p1 = (await grpc.ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/dup-deficit-p1" }, Call())).Periods;
        Assert.All(p1, p => Assert.True(p.HasPrintedBreach && !p.PrintedBreach, p.Name));
        Assert.Equal(["2020"], p1.Where(p => p.ThresholdBreached).Select(p => p.Name.Split('/')[^1]));
    }

    [Fact]
    public async Task The_plan_report_finds_the_deficit_parameter_p1_printed_NO_in_2020_at_61_41_percent()
    {
        // P1-P8 measure no objective: the import made them indicators of the plan itself.
        var p1 = await Grpc().GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/dup-deficit-p1" }, Call());
        Assert.Empty(p1.Objectives);
        Assert.Equal([Dup], p1.Plans);

        var report = await DemoReportAsync();

        var hits = report.Findings.Where(f => f.Rule == "indicator.breach_flag_contradiction").ToList();
        Assert.Equal([("indicators/dup-deficit-p1/periods/2020", "printed_breach")], hits.Select(h => (h.Resource, h.Field)));
        Assert.Equal("Il valore 61,41 supera la soglia 48, ma l'esito stampato è «NO».", hits[0].MessageIt);
    }

    [Fact]
    public async Task A_clean_set_of_44_indicators_over_five_years_has_no_finding()
    {
        var grpc = Grpc("clean-indicators");
        var objectives = Extracted.Select(r => r["strategic_objective_code"]).Distinct().ToList();
        for (var i = 0; i < 44; i++)
        {
            var id = $"pulito-{i}";
            await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
            {
                IndicatorId = id,
                Indicator = new Indicator { Title = $"Indicatore pulito {i}", Unit = "%", Objectives = { $"{Dup}/objectives/{objectives[i % objectives.Count]}" } },
            }, Call());
            foreach (var year in Enumerable.Range(2021, 5))
                await grpc.UpdatePeriodAsync(new UpdatePeriodRequest
                {
                    Period = new Period { Name = $"indicators/{id}/periods/{year}", Target = "50", Actual = $"{40 + i % 10}", Note = "Rilevato dal settore competente." },
                    UpdateMask = new FieldMask { Paths = { "target", "actual", "note" } }, AllowMissing = true,
                }, Call());
        }

        var report = await grpc.ValidatePlanIndicatorsAsync(new ValidatePlanIndicatorsRequest { Plan = Dup }, Call());

        Assert.Empty(report.Findings);
        Assert.Equal(IndicatorRules.All.Count, report.RulesRun);
    }
}
