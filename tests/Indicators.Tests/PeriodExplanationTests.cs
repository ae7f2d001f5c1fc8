using System.Globalization;
using Platform.ServiceDefaults.Api;
using Platform.Indicators.Achievement;
using Platform.Indicators.Definitions;
using Platform.Indicators.Formulas;
using Platform.Indicators.Periods;
using static Platform.Indicators.V1.Indicator.Types;
using Kind = Platform.Indicators.V1.ExplanationStep.Types.Kind;
using Source = Platform.Indicators.V1.ExplanationInput.Types.Source;

namespace Indicators.Tests;

/// <summary>The explanation of a period's achievement, for each method and polarity, as the API shows it.</summary>
public sealed class PeriodExplanationTests
{
    private static IndicatorRow Indicator(Polarity polarity = Polarity.HigherIsBetter, AchievementMethod method = AchievementMethod.DupPercent,
        decimal? baseline = null, string formula = "", string variables = "", Aggregation aggregation = Aggregation.Last) => new()
    {
        TenantId = "t", IndicatorId = "i", Title = "i", Unit = "%", Description = "", Version = 1, CreatedAt = DateTime.UtcNow,
        CreatedBy = "u", UpdatedAt = DateTime.UtcNow, UpdatedBy = "u", Polarity = polarity.ToString(), AchievementMethod = method.ToString(),
        BaselineValue = baseline, BaselineYear = baseline is null ? 0 : 2019, Formula = formula, Variables = variables,
        Aggregation = aggregation.ToString(),
    };

    private static PeriodRow Row(string key, decimal? target, decimal? actual, decimal? targetHigh = null) => new()
    {
        TenantId = "t", IndicatorId = "i", PeriodKey = key, Year = int.Parse(key[..4], CultureInfo.InvariantCulture),
        SortKey = key.Length, Target = target, TargetHigh = targetHigh, Actual = actual, Version = 1, CreatedAt = DateTime.UtcNow,
        CreatedBy = "u", UpdatedAt = DateTime.UtcNow, UpdatedBy = "u",
    };

    private static Period Explained(IndicatorRow indicator, PeriodRow row, params PeriodRow[] others) =>
        PeriodViews.ToProto(indicator, row, [row, .. others]);

    private static ExplanationStep Step(Period period, Kind kind) => period.Explanation.Steps.Single(s => s.Kind == kind);

    /// <summary>The achievement step redone: its expression, in the formula language, gives its result.</summary>
    private static void AssertRedoable(Period period)
    {
        var step = Step(period, Kind.Achievement);
        var redone = Decimals.RoundHalfUp(Formula.Parse(step.Expression).Evaluate(new Dictionary<string, decimal>()), AchievementRules.Places);
        Assert.Equal(decimal.Parse(step.Result, CultureInfo.InvariantCulture), redone);
        Assert.Equal(period.Achievement, step.Result);
    }

    [Fact]
    public void Dup_percent_higher_is_better_shows_the_sum_the_reader_redoes()
    {
        var period = Explained(Indicator(), Row("2021", 12m, 0.5m));

        var explanation = period.Explanation;
        Assert.Equal((AchievementMethod.DupPercent, Polarity.HigherIsBetter, 2, 2), (explanation.AchievementMethod, explanation.Polarity,
            explanation.AchievementDecimals, explanation.ActualDecimals));
        Assert.Equal(("100", "80"), (explanation.StatusBands.AchievedFrom, explanation.StatusBands.PartiallyAchievedFrom));
        Assert.Equal([(Source.Target, "12.00"), (Source.Actual, "0.50")], explanation.Inputs.Select(i => (i.Source, i.Value)));
        var achievement = Step(period, Kind.Achievement);
        Assert.Equal(("min(100, 0.50 / 12.00 * 100)", "4.17"), (achievement.Expression, achievement.Result));
        Assert.Equal("min(100; 0,50 / 12,00 × 100) = 4,17 %", achievement.TextIt);
        var status = Step(period, Kind.Status);
        Assert.Equal((Status.NotAchieved, "4.17 < 80", "4,17 % < 80 %: Non raggiunto."), (status.Status, status.Expression, status.TextIt));
        Assert.Contains("regola del DUP", explanation.RuleIt);
        AssertRedoable(period);
    }

    [Theory]
    [InlineData("20", "25", "min(100, 20.00 / 25.00 * 100)", "80.00", Status.PartiallyAchieved)]
    [InlineData("2.50", "0.39", "0.39 <= 2.50", "100.00", Status.Achieved)]
    public void Dup_percent_lower_is_better(string target, string actual, string expression, string result, Status status)
    {
        var period = Explained(Indicator(Polarity.LowerIsBetter), Row("2021", decimal.Parse(target, CultureInfo.InvariantCulture),
            decimal.Parse(actual, CultureInfo.InvariantCulture)));

        Assert.Equal((expression, result), (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        Assert.Equal(status, Step(period, Kind.Status).Status);
        if (status == Status.Achieved)
            Assert.Equal("0,39 ≤ 2,50, quindi 100,00 %", Step(period, Kind.Achievement).TextIt);
        else
        {
            Assert.Equal("80 <= 80.00 < 100", Step(period, Kind.Status).Expression);
            AssertRedoable(period);
        }
    }

    [Fact]
    public void Uncapped_percent_goes_above_100_in_the_explanation_too()
    {
        var period = Explained(Indicator(method: AchievementMethod.UncappedPercent), Row("2020", 3m, 5.45m));

        Assert.Equal(("5.45 / 3.00 * 100", "181.67"), (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        Assert.Equal("181.67 >= 100", Step(period, Kind.Status).Expression);
        Assert.Contains("senza tetto", period.Explanation.RuleIt);
        AssertRedoable(period);
    }

    [Fact]
    public void Linear_from_baseline_lists_the_baseline_and_clamps()
    {
        var period = Explained(Indicator(method: AchievementMethod.LinearFromBaseline, baseline: 60m), Row("2021", 80m, 73.3333m));

        Assert.Contains(period.Explanation.Inputs, i => i is { Source: Source.Baseline, Value: "60.00", LabelIt: "Valore di partenza (2019)" });
        Assert.Equal(("max(0, min(100, (73.3333 - 60.00) / (80.00 - 60.00) * 100))", "66.67"),
            (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        Assert.Equal(AchievementMethod.LinearFromBaseline, period.Explanation.AchievementMethod);
        AssertRedoable(period);
    }

    [Theory]
    [InlineData("1", "if(1.00 > 0, 100, 0)", "100.00", Status.Achieved)]
    [InlineData("0", "if(0.00 > 0, 100, 0)", "0.00", Status.NotAchieved)]
    public void Binary_is_done_or_not_done(string actual, string expression, string result, Status status)
    {
        var period = Explained(Indicator(Polarity.Binary), Row("2021", 1m, decimal.Parse(actual, CultureInfo.InvariantCulture)));

        Assert.Equal((expression, result), (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        Assert.Equal(status, Step(period, Kind.Status).Status);
        Assert.StartsWith("Fatto o non fatto", period.Explanation.RuleIt);
        AssertRedoable(period);
    }

    [Theory]
    [InlineData("93", "90.00 <= 93.00 <= 95.00", "100.00")]
    [InlineData("100", "min(100, 95.00 / 100.00 * 100)", "95.00")]
    [InlineData("45", "45.00 / 90.00 * 100", "50.00")]
    public void Target_range_lists_both_bounds(string actual, string expression, string result)
    {
        var period = Explained(Indicator(Polarity.TargetRange), Row("2021", 90m, decimal.Parse(actual, CultureInfo.InvariantCulture), 95m));

        Assert.Equal([Source.Target, Source.TargetHigh, Source.Actual], period.Explanation.Inputs.Select(i => i.Source));
        Assert.Equal((expression, result), (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        if (!expression.Contains(" <= ")) AssertRedoable(period);
    }

    [Fact]
    public void A_computed_actual_shows_the_formula_with_the_variables_values()
    {
        var indicator = Indicator(formula: "rd_kg / rsu_kg * 100", variables: "rd_kg,rsu_kg");
        var row = Row("2020", 80m, 73.42m) with
        {
            ActualComputed = true,
            Variables = PeriodRow.SerializeVariables(new Dictionary<string, string> { ["rd_kg"] = "25952148", ["rsu_kg"] = "35347748" }),
        };

        var period = Explained(indicator, row);

        var explanation = period.Explanation;
        Assert.Equal("rd_kg / rsu_kg * 100", explanation.Formula);
        Assert.Equal([(Source.Variable, "rd_kg", "25952148"), (Source.Variable, "rsu_kg", "35347748"), (Source.Target, "target", "80.00"),
            (Source.Actual, "actual", "73.42")], explanation.Inputs.Select(i => (i.Source, i.Name, i.Value)));
        Assert.Equal([Kind.ActualFromFormula, Kind.Achievement, Kind.Status], explanation.Steps.Select(s => s.Kind));
        var formula = Step(period, Kind.ActualFromFormula);
        Assert.Equal(("round(25952148 / 35347748 * 100, 2)", "73.42"), (formula.Expression, formula.Result));
        Assert.Equal("Valore rilevato = 25.952.148 / 35.347.748 × 100, arrotondato a 2 decimali = 73,42", formula.TextIt);
        Assert.Equal(73.42m, Formula.Parse(formula.Expression).Evaluate(new Dictionary<string, decimal>()));
        Assert.Equal(("min(100, 73.42 / 80.00 * 100)", "91.78"), (Step(period, Kind.Achievement).Expression, Step(period, Kind.Achievement).Result));
        AssertRedoable(period);
    }

    [Theory]
    [InlineData(Aggregation.Sum, "1.00 + 2.00 + 4.00", "7.00")]
    [InlineData(Aggregation.Average, "round((1.00 + 2.00 + 4.00) / 3, 2)", "2.33")]
    [InlineData(Aggregation.Last, "2023-Q3", "4.00")]
    public void An_aggregated_year_lists_its_quarters(Aggregation aggregation, string expression, string result)
    {
        var year = Row("2023", 10m, null);
        var period = Explained(Indicator(aggregation: aggregation), year,
            Row("2023-Q1", null, 1m) with { SortKey = 1 }, Row("2023-Q2", null, 2m) with { SortKey = 2 }, Row("2023-Q3", null, 4m) with { SortKey = 3 });

        Assert.True(period.ActualAggregated);
        Assert.Equal(["2023-Q1", "2023-Q2", "2023-Q3"],
            period.Explanation.Inputs.Where(i => i.Source == Source.SubPeriodActual).Select(i => i.Name));
        var step = Step(period, Kind.ActualAggregated);
        Assert.Equal((expression, result, period.Actual), (step.Expression, step.Result, result));
        Assert.Contains("trimestri", step.TextIt);
        AssertRedoable(period);
    }

    [Fact]
    public void Not_measured_has_only_the_status_step()
    {
        var period = Explained(Indicator(), Row("2024", 12m, null));

        Assert.Equal([Kind.Status], period.Explanation.Steps.Select(s => s.Kind));
        Assert.Equal(Status.NotMeasured, period.Explanation.Steps[0].Status);
        Assert.Equal("Nessun valore rilevato (non è zero): Non misurato.", period.Explanation.Steps[0].TextIt);
        Assert.Equal([Source.Target], period.Explanation.Inputs.Select(i => i.Source));
    }

    [Fact]
    public void No_target_says_the_achievement_is_not_computed()
    {
        var period = Explained(Indicator(), Row("2024", null, 5m));

        var achievement = Step(period, Kind.Achievement);
        Assert.Equal(("", ""), (achievement.Expression, achievement.Result));
        Assert.Equal("Il periodo non ha un target: il raggiungimento non si calcola.", achievement.TextIt);
        Assert.Equal(Status.NoTarget, Step(period, Kind.Status).Status);
    }

    [Fact]
    public void A_target_the_rule_cannot_use_says_why_in_english()
    {
        // A baseline removed after the target was set: linear achievement has nothing to start from.
        var period = Explained(Indicator(method: AchievementMethod.LinearFromBaseline), Row("2024", 10m, 5m));

        Assert.Contains("needs a baseline", Step(period, Kind.Achievement).TextEn);
        Assert.Equal(Status.NoTarget, period.Status);
    }
}
