using System.Globalization;
using Platform.Indicators.Achievement;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Definitions;

/// <summary>A row of <c>indicators</c>; its linked objectives live in <c>indicator_objectives</c>.</summary>
public sealed record IndicatorRow
{
    public required string TenantId { get; init; }
    public required string IndicatorId { get; init; }
    public required string Title { get; init; }
    public required string Unit { get; init; }
    public required string Description { get; init; }
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public string Kind { get; init; } = nameof(Indicator.Types.Kind.Unspecified);
    public int Decimals { get; init; } = 2;
    public string Polarity { get; init; } = nameof(Indicator.Types.Polarity.HigherIsBetter);
    public string Formula { get; init; } = "";
    /// <summary>Declared variable names, comma-separated.</summary>
    public string Variables { get; init; } = "";
    public decimal? BaselineValue { get; init; }
    public int BaselineYear { get; init; }
    public string AchievementMethod { get; init; } = nameof(Indicator.Types.AchievementMethod.DupPercent);
    public decimal AchievedFrom { get; init; } = 100m;
    public decimal PartiallyAchievedFrom { get; init; } = 80m;
    public decimal Weight { get; init; } = 1m;
    public string DataSource { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Aggregation { get; init; } = nameof(Indicator.Types.Aggregation.Last);
    public string ThresholdComparison { get; init; } = "";
    public decimal? ThresholdValue { get; init; }
    /// <summary>The fields without a column of their own (<see cref="IndicatorCard"/>).</summary>
    public string Card { get; init; } = "{}";

    /// <summary>Linked objectives in the order the client gave them (not a column of this table).</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>Plans the indicator belongs to without measuring their objectives (links in <c>indicator_objectives</c> too).</summary>
    public IReadOnlyList<string> Plans { get; init; } = [];

    public string ResourceName => IndicatorName.Format(IndicatorId);

    public IReadOnlyList<string> VariableList =>
        Variables.Length == 0 ? [] : Variables.Split(',');

    public Polarity PolarityValue => Enum.Parse<Polarity>(Polarity);
    public AchievementMethod MethodValue => Enum.Parse<AchievementMethod>(AchievementMethod);
    public Aggregation AggregationValue => Enum.Parse<Aggregation>(Aggregation);
    public Threshold.Types.Comparison ThresholdComparisonValue =>
        ThresholdComparison.Length == 0 ? Threshold.Types.Comparison.Unspecified : Enum.Parse<Threshold.Types.Comparison>(ThresholdComparison);

    public AchievementSettings Settings => new(PolarityValue, MethodValue, BaselineValue, AchievedFrom,
        PartiallyAchievedFrom, ThresholdComparisonValue, ThresholdValue);

    /// <summary>A measured value as the API shows it: at least <see cref="Decimals"/> places.</summary>
    public string FormatValue(decimal? value) => value is null ? "" : Values.Format(value.Value, Decimals);

    public Indicator ToProto()
    {
        var proto = IndicatorCard.Parse(Card);
        proto.Name = ResourceName;
        proto.Title = Title;
        proto.Unit = Unit;
        proto.Description = Description;
        proto.Etag = Etags.Format(Version);
        proto.CreateTime = CreatedAt.ToTimestamp();
        proto.UpdateTime = UpdatedAt.ToTimestamp();
        proto.UpdateUser = UpdatedBy;
        proto.Objectives.Add(Objectives);
        proto.Plans.Add(Plans);
        proto.Kind = Enum.Parse<Indicator.Types.Kind>(Kind);
        proto.Decimals = Decimals;
        proto.Polarity = PolarityValue;
        proto.Formula = Formula;
        proto.Variables.Add(VariableList);
        proto.BaselineValue = BaselineValue is null ? "" : Values.Format(BaselineValue.Value, Decimals);
        proto.BaselineYear = BaselineYear;
        proto.AchievementMethod = MethodValue;
        proto.StatusBands = new StatusBands
        {
            AchievedFrom = Values.Format(AchievedFrom, 0),
            PartiallyAchievedFrom = Values.Format(PartiallyAchievedFrom, 0),
        };
        proto.Weight = Values.Format(Weight, 0);
        proto.DataSource = DataSource;
        proto.Owner = Owner;
        proto.Aggregation = AggregationValue;
        if (ThresholdComparisonValue != Threshold.Types.Comparison.Unspecified)
            proto.Threshold = new Threshold { Comparison = ThresholdComparisonValue, Value = Values.Format(ThresholdValue ?? 0m, 0) };
        return proto;
    }

    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>(IndicatorCard.AuditFields(Card))
    {
        ["title"] = Title,
        ["unit"] = Unit,
        ["description"] = Description,
        ["objectives"] = string.Join(",", Objectives),
        ["plans"] = Plans.Count == 0 ? null : string.Join(",", Plans),
        ["kind"] = Kind,
        ["decimals"] = Decimals.ToString(CultureInfo.InvariantCulture),
        ["polarity"] = Polarity,
        ["formula"] = Formula,
        ["variables"] = Variables,
        ["baseline_value"] = BaselineValue is null ? null : FormatValue(BaselineValue),
        ["baseline_year"] = BaselineYear.ToString(CultureInfo.InvariantCulture),
        ["achievement_method"] = AchievementMethod,
        ["status_bands"] = $"{Values.Format(AchievedFrom, 0)}/{Values.Format(PartiallyAchievedFrom, 0)}",
        ["weight"] = Values.Format(Weight, 0),
        ["data_source"] = DataSource,
        ["owner"] = Owner,
        ["aggregation"] = Aggregation,
        ["threshold"] = ThresholdComparison.Length == 0 ? "" : $"{ThresholdComparison} {Values.Format(ThresholdValue ?? 0m, 0)}",
    };
}

/// <summary>Exact decimal text for the API (the row's <c>Decimals</c> property hides the shared class's name).</summary>
public static class Values
{
    public static string Format(decimal value, int minPlaces) => Platform.ServiceDefaults.Api.Decimals.FormatAtLeast(value, minPlaces);
}
