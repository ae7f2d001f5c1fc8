using System.Text.RegularExpressions;
using Platform.Indicators.Formulas;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Definitions;

/// <summary>The checked, parsed content of an indicator, ready to be written.</summary>
public sealed record IndicatorDefinition(
    string Title, string Unit, string Description, IReadOnlyList<string> Objectives, Kind Kind, int Decimals,
    Polarity Polarity, string Formula, IReadOnlyList<string> Variables, decimal? BaselineValue, int BaselineYear,
    AchievementMethod Method, decimal AchievedFrom, decimal PartiallyAchievedFrom, decimal Weight, string DataSource,
    string Owner, Aggregation Aggregation, Threshold.Types.Comparison ThresholdComparison, decimal? ThresholdValue, string Card)
{
    /// <summary>Plans the indicator belongs to without measuring their objectives.</summary>
    public IReadOnlyList<string> Plans { get; init; } = [];

    public IndicatorRow ApplyTo(IndicatorRow row) => row with
    {
        Title = Title,
        Unit = Unit,
        Description = Description,
        Objectives = Objectives,
        Plans = Plans,
        Kind = Kind.ToString(),
        Decimals = Decimals,
        Polarity = Polarity.ToString(),
        Formula = Formula,
        Variables = string.Join(",", Variables),
        BaselineValue = BaselineValue,
        BaselineYear = BaselineYear,
        AchievementMethod = Method.ToString(),
        AchievedFrom = AchievedFrom,
        PartiallyAchievedFrom = PartiallyAchievedFrom,
        Weight = Weight,
        DataSource = DataSource,
        Owner = Owner,
        Aggregation = Aggregation.ToString(),
        ThresholdComparison = ThresholdComparison == Threshold.Types.Comparison.Unspecified ? "" : ThresholdComparison.ToString(),
        ThresholdValue = ThresholdComparison == Threshold.Types.Comparison.Unspecified ? null : ThresholdValue,
        Card = Card,
    };
}

public static partial class IndicatorValidation
{
    public const int MaxScale = 10;

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex VariablePattern();

    public static IReadOnlySet<string> UpdatableFields => IndicatorCard.UpdatableFields;

    public static IndicatorDefinition ValidateCreate(CreateIndicatorRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.IndicatorId, "indicator_id");
        IndicatorDefinition? definition = null;
        if (validator.Check(request.Indicator is not null, "indicator", "is required"))
            definition = ValidateFields(request.Indicator!, validator);
        validator.ThrowIfInvalid();
        return definition!;
    }

    /// <summary>Checks every field of a complete indicator; field names are prefixed with <c>indicator.</c>.</summary>
    public static IndicatorDefinition ValidateFields(Indicator indicator, RequestValidator validator)
    {
        validator.Text(indicator.Title, "indicator.title", 300);
        validator.MaxLength(indicator.Unit, 50, "indicator.unit");
        validator.MaxLength(indicator.Description, 20_000, "indicator.description");
        validator.MaxLength(indicator.DataSource, 1000, "indicator.data_source");
        validator.MaxLength(indicator.Owner, 300, "indicator.owner");
        validator.MaxLength(indicator.Notes, 20_000, "indicator.notes");

        validator.Check(indicator.Objectives.Count <= 20, "indicator.objectives", "must name at most 20 objectives");
        for (var i = 0; i < indicator.Objectives.Count; i++)
        {
            var objective = indicator.Objectives[i];
            if (ResourceNames.Check<ObjectiveName>(validator, objective, $"indicator.objectives[{i}]", out _))
                validator.Check(indicator.Objectives.IndexOf(objective) == i, $"indicator.objectives[{i}]", $"repeats {objective}");
        }
        validator.Check(indicator.Plans.Count <= 10, "indicator.plans", "must name at most 10 plans");
        for (var i = 0; i < indicator.Plans.Count; i++)
        {
            var plan = indicator.Plans[i];
            if (ResourceNames.Check<PlanName>(validator, plan, $"indicator.plans[{i}]", out _))
                validator.Check(indicator.Plans.IndexOf(plan) == i, $"indicator.plans[{i}]", $"repeats {plan}");
        }

        validator.Check(Enum.IsDefined(indicator.Kind), "indicator.kind", "must be IMPACT, OUTCOME, OUTPUT, CONTEXT or FINANCIAL");
        validator.Check(Enum.IsDefined(indicator.Polarity), "indicator.polarity",
            "must be HIGHER_IS_BETTER, LOWER_IS_BETTER, BINARY or TARGET_RANGE");
        validator.Check(Enum.IsDefined(indicator.AchievementMethod), "indicator.achievement_method",
            "must be DUP_PERCENT, UNCAPPED_PERCENT or LINEAR_FROM_BASELINE");
        validator.Check(Enum.IsDefined(indicator.Aggregation), "indicator.aggregation", "must be SUM, AVERAGE or LAST");
        var decimals = indicator.HasDecimals ? indicator.Decimals : 2;
        validator.Range(decimals, 0, 6, "indicator.decimals");

        var variables = indicator.Variables.ToList();
        validator.Check(variables.Count <= 50, "indicator.variables", "must declare at most 50 variables");
        for (var i = 0; i < variables.Count; i++)
        {
            if (validator.Check(VariablePattern().IsMatch(variables[i]), $"indicator.variables[{i}]",
                    $"must be lowercase letters, digits and underscores starting with a letter or underscore, not '{variables[i]}'"))
                validator.Check(variables.IndexOf(variables[i]) == i, $"indicator.variables[{i}]", $"repeats '{variables[i]}'");
        }
        var formula = indicator.Formula.Trim();
        if (formula.Length > 0)
        {
            try
            {
                Formula.Parse(formula, variables);
            }
            catch (FormulaException e)
            {
                validator.Add("indicator.formula", e.Describe());
            }
        }

        decimal? baseline = null;
        if (indicator.BaselineValue.Length > 0 &&
            Decimals.TryParse(indicator.BaselineValue, "indicator.baseline_value", validator, MaxScale, out var b))
            baseline = b;
        if (indicator.BaselineYear != 0) validator.Year(indicator.BaselineYear, "indicator.baseline_year");
        if (indicator.AchievementMethod == AchievementMethod.LinearFromBaseline)
            validator.Check(indicator.BaselineValue.Length > 0, "indicator.baseline_value",
                "is required for LINEAR_FROM_BASELINE achievement");

        decimal achievedFrom = 100m, partiallyFrom = 80m;
        if (indicator.StatusBands is { } bands)
        {
            var ok = true;
            if (bands.AchievedFrom.Length > 0)
                ok &= Decimals.TryParse(bands.AchievedFrom, "indicator.status_bands.achieved_from", validator, 4, out achievedFrom);
            if (bands.PartiallyAchievedFrom.Length > 0)
                ok &= Decimals.TryParse(bands.PartiallyAchievedFrom, "indicator.status_bands.partially_achieved_from", validator, 4, out partiallyFrom);
            if (ok)
                validator.Check(partiallyFrom <= achievedFrom, "indicator.status_bands.partially_achieved_from",
                    "must not be above achieved_from");
        }

        var weight = 1m;
        if (indicator.Weight.Length > 0 && Decimals.TryParse(indicator.Weight, "indicator.weight", validator, 4, out weight))
            validator.Check(weight > 0m, "indicator.weight", "must be greater than 0");

        var comparison = Threshold.Types.Comparison.Unspecified;
        decimal? thresholdValue = null;
        if (indicator.Threshold is { } threshold &&
            (threshold.Comparison != Threshold.Types.Comparison.Unspecified || threshold.Value.Length > 0))
        {
            comparison = threshold.Comparison;
            validator.Check(comparison != Threshold.Types.Comparison.Unspecified && Enum.IsDefined(comparison),
                "indicator.threshold.comparison", "must be GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN or LESS_OR_EQUAL");
            if (Decimals.TryParse(threshold.Value, "indicator.threshold.value", validator, MaxScale, out var limit))
                thresholdValue = limit;
        }

        return new IndicatorDefinition(indicator.Title.Trim(), indicator.Unit.Trim(), indicator.Description,
            indicator.Objectives.ToList(), indicator.Kind,
            decimals, IndicatorDefaults.Of(indicator.Polarity),
            formula, variables, baseline, indicator.BaselineYear,
            IndicatorDefaults.Of(indicator.AchievementMethod),
            achievedFrom, partiallyFrom, weight, indicator.DataSource.Trim(), indicator.Owner.Trim(),
            IndicatorDefaults.Of(indicator.Aggregation),
            comparison, thresholdValue, IndicatorCard.Serialize(indicator)) { Plans = indicator.Plans.ToList() };
    }

    /// <summary>The current indicator with the masked fields taken from <paramref name="changes"/>.</summary>
    public static Indicator Merge(Indicator current, Indicator changes, IReadOnlySet<string> paths)
    {
        var next = current.Clone();
        UpdateMasks.Apply(next, changes, paths);
        return next;
    }
}
