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
/// The indicators' report on the Cremona DUP as the demo loads it (years 2023-2025), the rules whose source
/// values the demo does not store yet run on the values the DUP prints, and a clean set of the same size.
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
    public async Task The_printed_achievements_of_the_dup_contradict_the_rule_on_4_1_in_2021_and_8_7_in_2020()
    {
        var seed = File.ReadAllLines(DemoFiles.Find("data/demo/sources/dup-cremona-2023-2025.txt")!);
        var printed = Extracted.Where(r => !NotMeasured(r))
            .ToLookup(r => IndicatorId(r["indicator_id"]),
                r => (r["year"], Achievement: decimal.Parse(seed[int.Parse(r["source_line"]) - 1].Split('\t')[3].Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture)));
        var plan = await Service<PlanIndicatorsReader>().ReadAsync(Demo, Dup, Cancellation);
        var withPrinted = plan with
        {
            Indicators = plan.Indicators.Select(d => d with
            {
                Printed = printed[d.Indicator.IndicatorId].ToDictionary(p => p.Item1, p => new PrintedValues(p.Achievement, null)),
            }).ToList(),
        };

        var hits = new PrintedAchievementMismatch().Check(withPrinted).Select(h => Key(h.Resource)).Order();

        Assert.Equal(["dup-4-1-i1 2021", "dup-8-7-i1 2020"], hits);
    }

    [Fact]
    public async Task The_deficit_parameter_p1_printed_NO_in_2020_at_61_41_percent_contradicts_its_threshold()
    {
        var csv = Platform.Spreadsheets.Records.CsvRecords.Read(DemoFiles.Find("data/demo/cremona-dup-2023-2025/deficit_parameters.csv")!);
        var p1 = csv.Single(r => r["code"] == "P1");
        var grpc = Grpc();
        await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "quality-p1",
            Indicator = new Indicator
            {
                Title = p1["description"], Unit = "%", Kind = Indicator.Types.Kind.Financial,
                Threshold = new Threshold { Comparison = Threshold.Types.Comparison.GreaterThan, Value = p1["threshold_percent"] },
            },
        }, Call());
        var years = new[] { 2017, 2018, 2019, 2020, 2021 };
        foreach (var year in years)
            await grpc.UpdatePeriodAsync(new UpdatePeriodRequest
            {
                Period = new Period { Name = $"indicators/quality-p1/periods/{year}", Actual = p1[$"y{year}"] },
                UpdateMask = new FieldMask { Paths = { "actual" } }, AllowMissing = true,
            }, Call());
        var row = (await Service<IndicatorStore>().GetManyAsync(Demo, ["quality-p1"], Cancellation)).Single();
        var periods = await Service<PeriodStore>().ListRowsAsync(Demo, ["quality-p1"], 0, 0, Cancellation);
        // The DUP prints one condition for the whole row: "NO" for every year.
        var declared = years.ToDictionary(y => y.ToString(), _ => new PrintedValues(null, p1["condition_declared"] == "SI"));
        var plan = new PlanIndicators(new Platform.Objectives.V1.PlanTree { Plan = new Platform.Objectives.V1.Plan { Name = Dup } },
            [new IndicatorData(row, row.ToProto(), periods) { Printed = declared }]);

        Assert.Equal(["quality-p1 2020"], new BreachFlagContradiction().Check(plan).Select(h => Key(h.Resource)));
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
