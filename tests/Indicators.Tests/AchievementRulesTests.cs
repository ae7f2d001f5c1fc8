using Platform.Indicators.Achievement;
using static Platform.Indicators.V1.Indicator.Types;

namespace Indicators.Tests;

public sealed class AchievementRulesTests
{
    private static readonly AchievementSettings Higher = AchievementSettings.Default;
    private static readonly AchievementSettings Lower = Higher with { Polarity = Polarity.LowerIsBetter };

    [Theory]
    [InlineData("80", "73.42", "91.78")]   // 1.2, 2020
    [InlineData("12", "0.50", "4.17")]     // 1.1, 2021: half-up, not truncation
    [InlineData("5408", "5390", "99.67")]  // 4.2, 2020
    [InlineData("3", "5.45", "100")]       // 1.3, 2020: capped
    [InlineData("60", "-66", "0")]         // 6.2, 2020: negative is 0
    [InlineData("12", "0", "0")]
    public void Dup_rule_for_higher_is_better(string target, string actual, string expected) =>
        Assert.Equal(decimal.Parse(expected), AchievementRules.Percent(Higher, decimal.Parse(target), null, decimal.Parse(actual)));

    [Theory]
    [InlineData("20", "19", "100")]     // 5.3 rank 2020
    [InlineData("2.50", "0.39", "100")] // 8.7 accidents 2021
    [InlineData("20", "25", "80")]
    [InlineData("3", "7", "42.86")]
    public void Dup_rule_for_lower_is_better(string target, string actual, string expected) =>
        Assert.Equal(decimal.Parse(expected), AchievementRules.Percent(Lower, decimal.Parse(target), null, decimal.Parse(actual)));

    [Fact]
    public void Binary_is_done_or_not_done()
    {
        var binary = Higher with { Polarity = Polarity.Binary };
        Assert.Equal(100m, AchievementRules.Percent(binary, 1m, null, 1m));
        Assert.Equal(0m, AchievementRules.Percent(binary, 1m, null, 0m));
    }

    [Fact]
    public void Uncapped_percent_goes_above_100()
    {
        var uncapped = Higher with { Method = AchievementMethod.UncappedPercent };
        Assert.Equal(181.67m, AchievementRules.Percent(uncapped, 3m, null, 5.45m));
        Assert.Equal(125m, AchievementRules.Percent(uncapped with { Polarity = Polarity.LowerIsBetter }, 20m, null, 16m));
    }

    [Fact]
    public void Linear_from_baseline_measures_the_distance_covered()
    {
        var linear = Higher with { Method = AchievementMethod.LinearFromBaseline, Baseline = 60m };
        Assert.Equal(66.67m, AchievementRules.Percent(linear, 80m, null, 73.3333m));
        Assert.Equal(0m, AchievementRules.Percent(linear, 80m, null, 50m));
        Assert.Equal(100m, AchievementRules.Percent(linear, 80m, null, 90m));
        // Lower is better falls out of the same formula: baseline 10 accidents, target 5, actual 7.
        Assert.Equal(60m, AchievementRules.Percent(linear with { Baseline = 10m }, 5m, null, 7m));
    }

    [Fact]
    public void Target_range_is_100_inside_and_proportional_outside()
    {
        var range = Higher with { Polarity = Polarity.TargetRange };
        Assert.Equal(100m, AchievementRules.Percent(range, 90m, 95m, 93m));
        Assert.Equal(50m, AchievementRules.Percent(range, 90m, 95m, 45m));
        Assert.Equal(95m, AchievementRules.Percent(range, 90m, 95m, 100m));
    }

    [Fact]
    public void Status_bands_default_and_configured()
    {
        Assert.Equal(Status.Achieved, AchievementRules.Evaluate(Higher, 80m, null, 80m).Status);
        Assert.Equal(Status.PartiallyAchieved, AchievementRules.Evaluate(Higher, 80m, null, 73.42m).Status);
        Assert.Equal(Status.NotAchieved, AchievementRules.Evaluate(Higher, 80m, null, 60m).Status);
        Assert.Equal(Status.NotMeasured, AchievementRules.Evaluate(Higher, 80m, null, null).Status);
        Assert.Null(AchievementRules.Evaluate(Higher, 80m, null, null).Achievement);
        Assert.Equal(Status.NoTarget, AchievementRules.Evaluate(Higher, null, null, 5m).Status);

        var strict = Higher with { AchievedFrom = 99m, PartiallyAchievedFrom = 95m };
        Assert.Equal(Status.NotAchieved, AchievementRules.Evaluate(strict, 80m, null, 73.42m).Status);
    }

    [Fact]
    public void Not_measured_is_not_zero()
    {
        var zero = AchievementRules.Evaluate(Higher, 80m, null, 0m);
        var absent = AchievementRules.Evaluate(Higher, 80m, null, null);
        Assert.Equal((0m, Status.NotAchieved), (zero.Achievement, zero.Status));
        Assert.Equal(((decimal?)null, Status.NotMeasured), (absent.Achievement, absent.Status));
    }

    [Fact]
    public void Threshold_flags_a_breach()
    {
        // P1 of the deficit parameters: "> 48%" means a warning.
        var p1 = Higher with { ThresholdComparison = Threshold.Types.Comparison.GreaterThan, ThresholdValue = 48m };
        Assert.True(AchievementRules.Evaluate(p1, null, null, 61.41m).ThresholdBreached);
        Assert.False(AchievementRules.Evaluate(p1, null, null, 48m).ThresholdBreached);
        Assert.False(AchievementRules.Evaluate(p1, null, null, null).ThresholdBreached);
    }

    [Fact]
    public void Target_zero_is_refused_for_percent_methods_only()
    {
        Assert.NotNull(AchievementRules.TargetProblem(Higher, 0m, null));
        Assert.NotNull(AchievementRules.TargetProblem(Lower, 0m, null));
        Assert.Null(AchievementRules.TargetProblem(Higher with { Polarity = Polarity.Binary }, 0m, null));
        Assert.Null(AchievementRules.TargetProblem(Higher with { Method = AchievementMethod.LinearFromBaseline, Baseline = 5m }, 0m, null));
    }
}
