using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Imports.V1;
using Platform.Launcher.Demo;

namespace Indicators.Tests;

/// <summary>
/// The Cremona DUP's indicators (44 impact indicators, the deficit parameters P1-P8), imported once through the
/// import RPC from the demo's file, as the launcher loads them.
/// </summary>
public sealed class CremonaHost : IndicatorsHost, IAsyncLifetime
{
    public CremonaHost() : base(CremonaPlan())
    {
    }

    public static (string Parent, string Path) DupFile { get; } = DemoIndicators.Files().Single(f => f.Parent == "plans/dup-2023-2025");

    /// <summary>The import file's rows, keyed by header; an indicator's definition only on its first row.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; } = Read(DupFile.Path);

    /// <summary>The rows of the 44 impact indicators (ids <c>dup-1-2-i1</c>), without the deficit parameters and financial indices.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ImpactRows { get; } =
        Rows.Where(r => !r["Indicatore"].StartsWith("dup-deficit-", StringComparison.Ordinal) && !r["Indicatore"].StartsWith("dup-indice-", StringComparison.Ordinal)).ToList();

    /// <summary>The strategic objective each impact indicator measures (its first row's Obiettivi).</summary>
    public static IReadOnlyDictionary<string, string> ObjectiveOf { get; } = ImpactRows.Where(r => r["Obiettivi"].Length > 0)
        .ToDictionary(r => r["Indicatore"], r => r["Obiettivi"]);

    /// <summary>Measured: the file gives a Consuntivo or the variables to compute it; blank is "not measured".</summary>
    public static bool Measured(IReadOnlyDictionary<string, string> row) => row["Consuntivo"].Length > 0 || row["Valori variabili"].Length > 0;

    /// <summary>The DUP's printed Raggiungimento of a row.</summary>
    public static decimal Printed(IReadOnlyDictionary<string, string> row) => Italian(row["Raggiungimento"]);

    /// <summary>A number of the file, written the Italian way (<c>5.390,00</c>).</summary>
    public static decimal Italian(string text) => decimal.Parse(text.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);

    private static List<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(path, new Sylvan.Data.Csv.CsvDataReaderOptions { Delimiter = ';' });
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        return rows;
    }

    /// <summary>The DUP's 10 areas and 38 strategic objectives (from the extracted objectives table).</summary>
    private static FakePlan CremonaPlan()
    {
        var table = Platform.Spreadsheets.Records.CsvRecords.Read(DemoFiles.Find("data/demo/cremona-dup-2023-2025/objectives.csv")!);
        var objectives = new List<(string, string)>();
        foreach (var area in table.GroupBy(r => r["area_code"]))
        {
            objectives.Add((area.Key, area.First()["area_name"]));
            objectives.AddRange(area.Select(o => (o["code"], o["name"])));
        }
        return FakePlan.FromCodes("dup-2023-2025", objectives);
    }

    public ImportSummary Summary { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var client = new IndicatorsService.IndicatorsServiceClient(CreateGrpcChannel());
        Summary = await DemoIndicators.ImportAsync(client, DupFile.Parent, DupFile.Path, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class CremonaAcceptanceTests(CremonaHost host) : IndicatorsTest(host), IClassFixture<CremonaHost>
{
    /// <summary>
    /// The rows where the DUP's printed "Raggiungimento" contradicts the DUP's own rule (MODEL.md R1-R3):
    /// 4.1 in 2021 prints 0.00 for a binary indicator that was done (1 of 1), and 8.7 in 2020 scores the
    /// lower-is-better accident rate as higher-is-better (0.33 / 2.50 = 13.20) while 2021 scores it as lower.
    /// </summary>
    private static readonly HashSet<string> Contradictions = ["dup-4-1-i1 2021", "dup-8-7-i1 2020"];

    private static string Key(IReadOnlyDictionary<string, string> row) => $"{row["Indicatore"]} {row["Anno"]}";

    [Fact]
    public async Task Every_measured_row_matches_the_dup_printed_achievement_except_the_named_contradictions()
    {
        Assert.Equal(220 + 40 + 64, host.Summary.WrittenByKind["indicators"]);
        var names = CremonaHost.ImpactRows.Select(r => "indicators/" + r["Indicatore"]).Distinct().ToList();
        Assert.Equal(44, names.Count);
        var series = (await Grpc().BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { names } }, Call())).Series
            .ToDictionary(s => s.Indicator);

        var checkedRows = 0;
        var mismatches = new List<string>();
        foreach (var row in CremonaHost.ImpactRows)
        {
            var period = series["indicators/" + row["Indicatore"]].Periods.Single(p => p.Year == int.Parse(row["Anno"]));
            if (!CremonaHost.Measured(row))
            {
                Assert.Equal(("", "", Status.NotMeasured), (period.Actual, period.Achievement, period.Status));
                continue;
            }
            checkedRows++;
            if (row["Consuntivo"].Length > 0)
                Assert.Equal(CremonaHost.Italian(row["Consuntivo"]), decimal.Parse(period.Actual, CultureInfo.InvariantCulture));
            if (decimal.Parse(period.Achievement, CultureInfo.InvariantCulture) != CremonaHost.Printed(row))
                mismatches.Add(Key(row));
        }

        Assert.Equal(85, checkedRows);
        Assert.Equal(Contradictions.Order(), mismatches.Order());
    }

    [Fact]
    public async Task Notes_are_loaded_whole_not_cut_at_200_characters()
    {
        var longest = CremonaHost.ImpactRows.MaxBy(r => r["Nota"].Length)!;
        Assert.True(longest["Nota"].Length > 200);

        var period = await Grpc().GetPeriodAsync(new GetPeriodRequest { Name = $"indicators/{longest["Indicatore"]}/periods/{longest["Anno"]}" }, Call());

        Assert.Equal(longest["Nota"], period.Note);
    }

    [Fact]
    public async Task Waste_indicator_of_objective_1_2_is_computed_from_its_variables()
    {
        var period = await Grpc().GetPeriodAsync(new GetPeriodRequest { Name = "indicators/dup-1-2-i1/periods/2020" }, Call());
        Assert.Equal(("73.42", "91.78", true), (period.Actual, period.Achievement, period.ActualComputed));
        Assert.Equal(("25952148", "35347748"), (period.Variables["rd_kg"], period.Variables["rsu_kg"]));
        var indicator = await Grpc().GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/dup-1-2-i1" }, Call());
        Assert.Equal("rd_kg / rsu_kg * 100", indicator.Formula);
        Assert.Equal(["plans/dup-2023-2025/objectives/1.2"], indicator.Objectives);
    }

    [Fact]
    public async Task Deficit_parameter_p1_flags_the_2020_breach_the_dup_declared_as_no()
    {
        var periods = (await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/dup-deficit-p1" }, Call())).Periods;

        Assert.Equal([2017, 2018, 2019, 2020, 2021], periods.Select(p => p.Year));
        Assert.Equal(["2020"], periods.Where(p => p.ThresholdBreached).Select(p => p.Name.Split('/')[^1]));
        Assert.All(periods, p => Assert.Equal(Status.NoTarget, p.Status));
        var p1 = await Grpc().GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/dup-deficit-p1" }, Call());
        Assert.Equal((Indicator.Types.Kind.Financial, Threshold.Types.Comparison.GreaterThan, "48"), (p1.Kind, p1.Threshold.Comparison, p1.Threshold.Value));
    }

    [Fact]
    public async Task The_financial_indices_of_section_1_2_1_are_loaded_as_printed_from_2014_to_2021()
    {
        var autonomy = (await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/dup-indice-autonomia-finanziaria" }, Call())).Periods;
        Assert.Equal(Enumerable.Range(2014, 8), autonomy.Select(p => p.Year));
        Assert.Equal(("77.45", "86.18"), (autonomy[^1].Actual, autonomy[0].Actual));

        var twice = await Grpc().GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/dup-indice-rigidita-per-costo-personale-pro-capite" }, Call());
        Assert.Equal((Indicator.Types.Kind.Financial, "€ per residente"), (twice.Kind, twice.Unit));
        Assert.Contains("2 volte", twice.Notes, StringComparison.Ordinal);
    }

    /// <summary>An independent expectation: the mean of printed achievements per objective, then of objectives per area.</summary>
    private static Dictionary<string, decimal?> ExpectedAreaScores(int year, IReadOnlyDictionary<string, decimal>? overrides = null)
    {
        var result = new Dictionary<string, decimal?>();
        foreach (var area in CremonaHost.ImpactRows.Where(r => r["Anno"] == $"{year}").GroupBy(r => CremonaHost.ObjectiveOf[r["Indicatore"]].Split('.')[0]))
        {
            var objectiveScores = area.GroupBy(r => CremonaHost.ObjectiveOf[r["Indicatore"]])
                .Select(o => o.Where(CremonaHost.Measured)
                    .Select(r => overrides?.GetValueOrDefault(r["Indicatore"]) is decimal d and not 0 ? d
                        : Contradictions.Contains(Key(r)) ? 100m : CremonaHost.Printed(r))
                    .ToList())
                .Where(scores => scores.Count > 0)
                .Select(scores => scores.Sum() / scores.Count)
                .ToList();
            result[area.Key] = objectiveScores.Count == 0 ? null : objectiveScores.Sum() / objectiveScores.Count;
        }
        return result;
    }
    private static string Format(decimal? score) => score is null ? "" : Math.Round(score.Value, 2, MidpointRounding.AwayFromZero).ToString("F2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Scorecard_2021_has_all_10_areas_with_scores_and_counts_in_one_request()
    {
        var scorecard = await Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-2023-2025", Year = 2021 }, Call());

        Assert.Equal(10, scorecard.Roots.Count);
        var expected = ExpectedAreaScores(2021);
        foreach (var area in scorecard.Roots)
        {
            Assert.Equal(Format(expected[area.Code]), area.Score);
            Assert.NotEqual("", area.Score);
        }
        var total = scorecard.Counts;
        Assert.Equal(44, total.Achieved + total.PartiallyAchieved + total.NotAchieved + total.NotMeasured + total.NoTarget);
        Assert.Equal(44, scorecard.Roots.Sum(r => r.SubtreeCounts.Achieved + r.SubtreeCounts.PartiallyAchieved + r.SubtreeCounts.NotAchieved + r.SubtreeCounts.NotMeasured));
        var area4 = scorecard.Roots.Single(r => r.Code == "4");
        var noIndicators = area4.Children.Single(c => c.Code == "4.4");
        Assert.Equal(("", 0), (noIndicators.Score, noIndicators.Indicators.Count));

        var waste = scorecard.Roots[0].Children.Single(c => c.Code == "1.2");
        Assert.Equal(("74.75", "93.44", Status.PartiallyAchieved), (waste.Indicators[0].Actual, waste.Indicators[0].Achievement, waste.Indicators[0].Status));
        Assert.Equal(1, waste.Counts.PartiallyAchieved);

        var json = await Rest().GetJsonAsync("/v1/scorecards/dup-2023-2025?year=2021", Cancellation);
        Assert.Equal(10, json.GetProperty("roots").GetArrayLength());
        Assert.Equal(scorecard.Roots[0].Score, json.GetProperty("roots")[0].GetProperty("score").GetString());
    }

    [Fact]
    public async Task Nothing_measured_means_no_score_not_zero()
    {
        var scorecard = await Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-2023-2025", Year = 2023 }, Call());
        Assert.All(scorecard.Roots, r => Assert.Equal("", r.Score));
        Assert.Equal("", scorecard.Score);
        Assert.Equal(44, scorecard.Counts.NotMeasured);
    }

    [Fact]
    public async Task Scorecard_of_one_objective_has_that_objective_alone()
    {
        // Objective 1.3 alone: cycle lanes, 2021 actual 4.59 on target 3 -> 100.
        var before = await Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-2023-2025", Year = 2021, Objective = "1.3" }, Call());

        Assert.Equal(("1.3", "100.00"), (before.Roots.Single().Code, before.Roots.Single().Score));
    }

    [Fact]
    public async Task Scorecards_and_the_trend_are_recomputed_after_an_actual_changes()
    {
        await Grpc().UpdatePeriodAsync(new UpdatePeriodRequest
        {
            Period = new Period { Name = "indicators/dup-1-3-i1/periods/2021", Actual = "1.50" },
            UpdateMask = new FieldMask { Paths = { "actual" } },
        }, Call());
        try
        {
            var after = await Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-2023-2025", Year = 2021, Objective = "1.3" }, Call());
            Assert.Equal("50.00", after.Roots.Single().Score);
            Assert.Equal(1, after.Roots.Single().Counts.NotAchieved);

            var whole = await Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-2023-2025", Year = 2021 }, Call());
            var expected = ExpectedAreaScores(2021, new Dictionary<string, decimal> { ["dup-1-3-i1"] = 50m });
            Assert.Equal(Format(expected["1"]), whole.Roots[0].Score);

            var trend = await Grpc().GetScorecardTrendAsync(new GetScorecardTrendRequest { Plan = "dup-2023-2025", StartYear = 2020, EndYear = 2024, Objective = "1" }, Call());
            Assert.Equal([2020, 2021, 2022, 2023, 2024], trend.Scorecards.Select(s => s.Year));
            Assert.Equal(Format(ExpectedAreaScores(2020)["1"]), trend.Scorecards[0].Roots.Single().Score);
            Assert.Equal(whole.Roots[0].Score, trend.Scorecards[1].Roots.Single().Score);
            Assert.Equal("", trend.Scorecards[2].Roots.Single().Score);
        }
        finally
        {
            await Grpc().UpdatePeriodAsync(new UpdatePeriodRequest
            {
                Period = new Period { Name = "indicators/dup-1-3-i1/periods/2021", Actual = "4.59" },
                UpdateMask = new FieldMask { Paths = { "actual" } },
            }, Call());
        }
    }

    [Fact]
    public async Task The_documented_example_file_previews_without_problems()
    {
        var example = DemoFiles.Find("docs/examples/indicatori.csv")!;

        using var call = Grpc("example").ImportIndicators(new ImportChunk
        {
            Parent = "plans/dup-2023-2025", Mode = ImportMode.Preview, FileName = "indicatori.csv",
            Content = Google.Protobuf.ByteString.CopyFrom(await File.ReadAllBytesAsync(example, Cancellation)),
        }, Call());
        var events = await ImportCalls.EventsAsync(call, Cancellation);

        Assert.Equal("", ImportCalls.Describe(events));
        Assert.Equal(5, events[^1].Summary.WrittenByKind["indicators"]);
    }

    [Fact]
    public async Task The_cremona_dup_indicators_exported_and_imported_into_a_fresh_ente_are_the_same()
    {
        var file = await Grpc().ExportIndicatorsAsync(new ExportRequest { Parent = "plans/dup-2023-2025", Format = FileFormat.Xlsx }, Call());
        using var call = Grpc("dup-round-trip").ImportIndicators(new ImportChunk
        {
            Parent = "plans/dup-2023-2025", Mode = ImportMode.Commit, RequestId = "round-trip", FileName = "indicatori.xlsx", Content = file.Data,
        }, Call());
        var events = await ImportCalls.EventsAsync(call, Cancellation);
        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));

        // The 44 impact indicators of the objectives, and P1-P8 and the eight 1.2.1 indices of the plan itself.
        var original = (await IndicatorContents.ReadAsync(Grpc(), Cancellation))
            .Where(i => i.Indicator.Objectives.Count > 0 || i.Indicator.Plans.Contains("plans/dup-2023-2025")).ToList();
        Assert.Equal(60, original.Count);
        IndicatorContents.AssertSame(original, await IndicatorContents.ReadAsync(Grpc("dup-round-trip"), Cancellation));
    }

    [Fact]
    public async Task The_explanation_of_1_1_in_2021_redoes_the_dups_4_17_over_grpc_and_rest()
    {
        var period = await Grpc().GetPeriodAsync(new GetPeriodRequest { Name = "indicators/dup-1-1-i1/periods/2021" }, Call());

        var explanation = period.Explanation;
        Assert.Equal([(ExplanationInput.Types.Source.Target, "12.00"), (ExplanationInput.Types.Source.Actual, "0.50")],
            explanation.Inputs.Select(i => (i.Source, i.Value)));
        var achievement = explanation.Steps.Single(s => s.Kind == ExplanationStep.Types.Kind.Achievement);
        Assert.Equal(("min(100, 0.50 / 12.00 * 100)", "4.17", "4.17"), (achievement.Expression, achievement.Result, period.Achievement));
        Assert.Equal("min(100; 0,50 / 12,00 × 100) = 4,17 %", achievement.TextIt);
        Assert.Equal(Status.NotAchieved, explanation.Steps[^1].Status);

        // REST gives the same explanation, in proto JSON (enums by name, decimals as strings).
        var json = await Rest().GetJsonAsync("/v1/indicators/dup-1-1-i1/periods/2021", Cancellation);
        var rest = json.GetProperty("explanation");
        Assert.Equal("DUP_PERCENT", rest.GetProperty("achievementMethod").GetString());
        Assert.Equal("HIGHER_IS_BETTER", rest.GetProperty("polarity").GetString());
        Assert.Equal("80", rest.GetProperty("statusBands").GetProperty("partiallyAchievedFrom").GetString());
        var steps = rest.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["ACHIEVEMENT", "STATUS"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(achievement.TextIt, steps[0].GetProperty("textIt").GetString());
        Assert.Equal("NOT_ACHIEVED", steps[1].GetProperty("status").GetString());

        // The time series a chart reads carries it too, for every year.
        var series = (await Grpc().BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { "indicators/dup-1-1-i1" } }, Call())).Series[0];
        Assert.All(series.Periods, p => Assert.Equal(p.Status, p.Explanation.Steps[^1].Status));
    }

    [Fact]
    public async Task Loading_again_answers_the_first_import_and_writes_nothing()
    {
        var again = await DemoIndicators.ImportAsync(Grpc(), CremonaHost.DupFile.Parent, CremonaHost.DupFile.Path, Cancellation);

        Assert.True(again.Replayed);
        var periods = (await Grpc().ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/dup-1-1-i1" }, Call())).Periods;
        Assert.Equal(5, periods.Count);
    }
}
