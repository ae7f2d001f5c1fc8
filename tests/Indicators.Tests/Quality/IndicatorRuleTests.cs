using Platform.Indicators.Quality;
using static Indicators.Tests.Quality.TestIndicators;

namespace Indicators.Tests.Quality;

/// <summary>Each indicator rule with a plan that has the mistake and one that does not.</summary>
public sealed class IndicatorRuleTests
{
    private static IndicatorData WithTargets(string id, params int[] years) =>
        Data(Row(id), years.Select(y => Period(id, y, target: 10m)).ToArray());

    [Fact]
    public void A_plan_year_without_target_is_found_on_the_missing_period()
    {
        var plan = Plan(WithTargets("a", 2023, 2024));

        Assert.Equal([("indicators/a/periods/2025", "target")], Run(new TargetMissing(), plan));
    }

    [Fact]
    public void An_indicator_without_any_target_is_found_unless_it_is_read_against_a_threshold_or_only_describes()
    {
        var impact = Data(Row("impact"), Period("impact", 2023, target: null));
        var threshold = Data(Row("p1", threshold: 48m), Period("p1", 2023, target: null));
        var financial = Data(Row("indice") with { Kind = "Financial" }, Period("indice", 2023, target: null));
        var financialWithGap = Data(Row("debito") with { Kind = "Financial" }, Period("debito", 2023, target: 5m));

        var hits = Run(new TargetMissing(), Plan(impact, threshold, financial, financialWithGap)).Select(h => h.Resource).Distinct();

        Assert.Equal(["indicators/debito/periods/2024", "indicators/impact/periods/2024"], hits.Where(h => h.EndsWith("2024", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Targets_for_every_plan_year_pass() =>
        Assert.Empty(Run(new TargetMissing(), Plan(WithTargets("a", 2022, 2023, 2024, 2025))));

    [Fact]
    public void A_link_to_an_objective_the_plan_lacks_is_found()
    {
        var plan = Plan(Data(Row("a", objectives: ["plans/p/objectives/1.1", "plans/p/objectives/4.4"])));

        Assert.Equal([("indicators/a", "objectives[1]")], Run(new ObjectiveUnknown(), plan));
    }

    [Fact]
    public void Links_to_the_plan_s_objectives_and_to_other_plans_pass() =>
        Assert.Empty(Run(new ObjectiveUnknown(), Plan(Data(Row("a", objectives: ["plans/p/objectives/1", "plans/q/objectives/9"])))));

    [Fact]
    public void A_zero_actual_is_found()
    {
        var plan = Plan(Data(Row("a"), Period("a", 2020, 12m, 0m), Period("a", 2021, 12m, 0.5m)));

        Assert.Equal([("indicators/a/periods/2020", "actual")], Run(new ZeroActual(), plan));
    }

    [Fact]
    public void A_zero_of_a_done_or_not_done_indicator_of_a_threshold_indicator_and_an_empty_actual_pass() =>
        Assert.Empty(Run(new ZeroActual(), Plan(Data(Row("a", polarity: "Binary"), Period("a", 2020, 1m, 0m)),
            Data(Row("b"), Period("b", 2020, 12m)), Data(Row("p3", threshold: 0m), Period("p3", 2020, null, 0m)))));

    [Fact]
    public void An_actual_that_its_formula_and_variables_contradict_is_found()
    {
        var row = Row("a", formula: "online / totale * 100", variables: "online,totale");
        var plan = Plan(Data(row, Period("a", 2021, actual: 57m, variables: """{"online":"15161","totale":"41759"}""")));

        Assert.Equal([("indicators/a/periods/2021", "actual")], Run(new FormulaMismatch(), plan));
    }

    [Fact]
    public void An_actual_that_its_formula_gives_passes_and_one_without_variables_is_not_judged()
    {
        var row = Row("a", formula: "online / totale * 100", variables: "online,totale");
        var plan = Plan(Data(row, Period("a", 2021, actual: 36.31m, variables: """{"online":"15161","totale":"41759"}"""),
            Period("a", 2022, actual: 50m)));

        Assert.Empty(Run(new FormulaMismatch(), plan));
    }

    [Fact]
    public void A_printed_achievement_computed_the_wrong_way_is_found()
    {
        // DUP 8.7 in 2020: lower is better, 0.33 against 2.50 is 100, printed 13.20 (computed as higher-is-better).
        var data = Data(Row("a", polarity: "LowerIsBetter"), Period("a", 2020, 2.5m, 0.33m), Period("a", 2021, 2.5m, 0.39m))
            with { Printed = new Dictionary<string, PrintedValues> { ["2020"] = new(13.20m, null), ["2021"] = new(100m, null) } };

        Assert.Equal([("indicators/a/periods/2020", "printed_achievement")], Run(new PrintedAchievementMismatch(), Plan(data)));
    }

    [Fact]
    public void Printed_achievements_that_match_and_periods_without_one_pass()
    {
        var data = Data(Row("a"), Period("a", 2020, 70m, 40m), Period("a", 2021, 70m, 49.15m))
            with { Printed = new Dictionary<string, PrintedValues> { ["2020"] = new(57.14m, null) } };

        Assert.Empty(Run(new PrintedAchievementMismatch(), Plan(data)));
    }

    [Fact]
    public void A_breach_printed_NO_at_61_41_against_48_is_found()
    {
        var data = Data(Row("p1", threshold: 48m), Period("p1", 2019, actual: 34.54m), Period("p1", 2020, actual: 61.41m))
            with { Printed = new Dictionary<string, PrintedValues> { ["2019"] = new(null, false), ["2020"] = new(null, false) } };

        Assert.Equal([("indicators/p1/periods/2020", "printed_breach")], Run(new BreachFlagContradiction(), Plan(data)));
    }

    [Fact]
    public void Breach_flags_that_agree_with_the_values_pass()
    {
        var data = Data(Row("p1", threshold: 48m), Period("p1", 2019, actual: 34.54m), Period("p1", 2020, actual: 61.41m))
            with { Printed = new Dictionary<string, PrintedValues> { ["2019"] = new(null, false), ["2020"] = new(null, true) } };

        Assert.Empty(Run(new BreachFlagContradiction(), Plan(data)));
    }

    [Fact]
    public void A_note_ending_in_an_ellipsis_is_cut_short()
    {
        var plan = Plan(Data(Row("a"), Period("a", 2020, note: "Dal bilancio ambientale 2019 si evince che la dotazione del verde pubblico è di p…")));

        Assert.Equal([("indicators/a/periods/2020", "note")], Run(new IndicatorTextCutShort(), plan));
    }

    [Fact]
    public void Whole_notes_pass() =>
        Assert.Empty(Run(new IndicatorTextCutShort(), Plan(Data(Row("a"),
            Period("a", 2021, note: "Bosco nuovi nati: 3663 mq. Bosco vittime covid: 4965 mq. Parco Galli: 7484 mq.")))));
}
