using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;

namespace Platform.Indicators.Scorecards;

/// <summary>One indicator's values for the scorecard year.</summary>
public sealed record IndicatorYear(IndicatorRow Indicator, PeriodValues Values);

/// <summary>
/// Builds a scorecard from an objective tree. A node's score is the weighted mean of the achievements of its
/// measured indicators (each with its weight) and of the scores of its children (weight 1 each); a node with
/// nothing measured below it has no score (not 0). Scores are kept exact and rounded half-up to 2 places for display.
/// </summary>
public static class ScorecardBuilder
{
    public static Scorecard Build(string planName, int year, IEnumerable<PlanTreeNode> roots,
        IReadOnlyDictionary<string, IReadOnlyList<IndicatorYear>> indicatorsByObjective)
    {
        var scorecard = new Scorecard { Plan = planName, Year = year, Counts = new StatusCounts() };
        var rootScores = new List<(decimal Score, decimal Weight)>();
        foreach (var root in roots)
        {
            var (node, score) = BuildNode(root, indicatorsByObjective);
            scorecard.Roots.Add(node);
            Add(scorecard.Counts, node.SubtreeCounts);
            if (score is not null) rootScores.Add((score.Value, 1m));
        }
        scorecard.Score = Format(Mean(rootScores));
        return scorecard;
    }

    private static (ScorecardNode Node, decimal? Score) BuildNode(PlanTreeNode source,
        IReadOnlyDictionary<string, IReadOnlyList<IndicatorYear>> indicatorsByObjective)
    {
        var objective = source.Objective ?? new Objective();
        var node = new ScorecardNode
        {
            Objective = objective.Name,
            Code = objective.Code,
            Title = objective.Title,
            Counts = new StatusCounts(),
            SubtreeCounts = new StatusCounts(),
        };
        var parts = new List<(decimal Score, decimal Weight)>();
        foreach (var item in indicatorsByObjective.GetValueOrDefault(objective.Name, []))
        {
            var indicator = item.Indicator;
            var result = item.Values.Result;
            node.Indicators.Add(new ScorecardIndicator
            {
                Indicator = indicator.ResourceName,
                Title = indicator.Title,
                Unit = indicator.Unit,
                Weight = Values.Format(indicator.Weight, 0),
                Target = indicator.FormatValue(item.Values.Target),
                Actual = indicator.FormatValue(item.Values.Actual),
                Achievement = result.Achievement is { } a ? Decimals.Format(a, 2) : "",
                Status = result.Status,
                ThresholdBreached = result.ThresholdBreached,
            });
            Count(node.Counts, result.Status);
            if (result.Achievement is { } achievement) parts.Add((achievement, indicator.Weight));
        }
        Add(node.SubtreeCounts, node.Counts);
        foreach (var child in source.Children)
        {
            var (childNode, childScore) = BuildNode(child, indicatorsByObjective);
            node.Children.Add(childNode);
            Add(node.SubtreeCounts, childNode.SubtreeCounts);
            if (childScore is not null) parts.Add((childScore.Value, 1m));
        }
        var score = Mean(parts);
        node.Score = Format(score);
        return (node, score);
    }

    private static decimal? Mean(IReadOnlyCollection<(decimal Score, decimal Weight)> parts)
    {
        var total = parts.Sum(p => p.Weight);
        return parts.Count == 0 || total == 0m ? null : parts.Sum(p => p.Score * p.Weight) / total;
    }

    private static string Format(decimal? score) => score is null ? "" : Decimals.Format(score.Value, 2);

    private static void Count(StatusCounts counts, Status status)
    {
        switch (status)
        {
            case Status.Achieved: counts.Achieved++; break;
            case Status.PartiallyAchieved: counts.PartiallyAchieved++; break;
            case Status.NotAchieved: counts.NotAchieved++; break;
            case Status.NotMeasured: counts.NotMeasured++; break;
            case Status.NoTarget: counts.NoTarget++; break;
        }
    }

    private static void Add(StatusCounts into, StatusCounts from)
    {
        into.Achieved += from.Achieved;
        into.PartiallyAchieved += from.PartiallyAchieved;
        into.NotAchieved += from.NotAchieved;
        into.NotMeasured += from.NotMeasured;
        into.NoTarget += from.NoTarget;
    }
}
