using Platform.Indicators.Achievement;
using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Scorecards;
using Platform.Objectives.V1;

namespace Indicators.Tests;

public sealed class ScorecardBuilderTests
{
    private static readonly FakePlan Plan = FakePlan.FromCodes("p", [("1", "A"), ("1.1", "A1"), ("1.2", "A2"), ("2", "B"), ("2.1", "B1")]);

    private static IndicatorYear Measured(string id, decimal? actual, decimal target = 100m, decimal weight = 1m)
    {
        var row = new IndicatorRow
        {
            TenantId = "t", IndicatorId = id, Title = id, Unit = "", Description = "", Version = 1, CreatedAt = DateTime.UtcNow,
            CreatedBy = "u", UpdatedAt = DateTime.UtcNow, UpdatedBy = "u", Weight = weight,
        };
        return new IndicatorYear(row, new PeriodValues(target, null, actual, false,
            AchievementRules.Evaluate(row.Settings, target, null, actual)));
    }

    [Fact]
    public void Weighted_mean_of_own_indicators_and_children_and_no_score_when_nothing_is_measured()
    {
        var byObjective = new Dictionary<string, IReadOnlyList<IndicatorYear>>
        {
            [Plan.NameOf("1")] = [Measured("own", 40m)],
            [Plan.NameOf("1.1")] = [Measured("a", 90m, weight: 3m), Measured("b", 50m), Measured("c", null)],
            [Plan.NameOf("1.2")] = [Measured("d", null)],
            [Plan.NameOf("2.1")] = [Measured("e", null)],
        };

        var scorecard = ScorecardBuilder.Build(Plan.PlanName, 2021, Plan.Tree.Roots, byObjective);

        var area1 = scorecard.Roots[0];
        Assert.Equal("80.00", area1.Children[0].Score);   // (90*3 + 50*1) / 4
        Assert.Equal("", area1.Children[1].Score);        // nothing measured: no score, not 0
        Assert.Equal("60.00", area1.Score);               // own 40 and child 80, weight 1 each; 1.2 left out
        Assert.Equal("", scorecard.Roots[1].Score);
        Assert.Equal("60.00", scorecard.Score);
        Assert.Equal((0, 1, 1, 1), (area1.Children[0].Counts.Achieved, area1.Children[0].Counts.PartiallyAchieved,
            area1.Children[0].Counts.NotAchieved, area1.Children[0].Counts.NotMeasured));
        Assert.Equal((1, 2, 2), (area1.SubtreeCounts.PartiallyAchieved, area1.SubtreeCounts.NotAchieved, area1.SubtreeCounts.NotMeasured));
        Assert.Equal(3, scorecard.Counts.NotMeasured);
        Assert.Equal(Status.NotMeasured, area1.Children[0].Indicators[2].Status);
    }
}
