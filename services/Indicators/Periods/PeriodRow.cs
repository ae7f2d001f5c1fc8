using System.Text.Json;
using Platform.Indicators.Definitions;

namespace Platform.Indicators.Periods;

/// <summary>
/// A row of <c>indicator_periods</c>. Achievement is not stored: it is computed on every read. What the source
/// printed (achievement, breach flag) is stored for the data-quality checks only.
/// </summary>
public sealed record PeriodRow
{
    public required string TenantId { get; init; }
    public required string IndicatorId { get; init; }
    public required string PeriodKey { get; init; }
    public required int Year { get; init; }
    public required int SortKey { get; init; }
    public decimal? Target { get; init; }
    public decimal? TargetHigh { get; init; }
    public decimal? Actual { get; init; }
    public bool ActualComputed { get; init; }
    /// <summary>Variable values as a JSON object of decimal strings.</summary>
    public string Variables { get; init; } = "{}";
    public string Note { get; init; } = "";
    public string EvidenceUri { get; init; } = "";
    public bool Closed { get; init; }
    /// <summary>The achievement the source printed (the DUP's "Raggiungimento"); null when nothing was printed.</summary>
    public decimal? PrintedAchievement { get; init; }
    /// <summary>The breach flag the source printed ("SI" is true); null when nothing was printed.</summary>
    public bool? PrintedBreach { get; init; }
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>The printed achievement as the API writes it: at least the achievement's 2 places (<c>91.78</c>, <c>100.00</c>).</summary>
    public string PrintedAchievementText =>
        PrintedAchievement is { } printed ? Decimals.FormatAtLeast(printed, Achievement.AchievementRules.Places) : "";

    public string ResourceName => Periods.PeriodKey.FormatName(IndicatorId, PeriodKey);

    public Periods.PeriodKey Key => Periods.PeriodKey.TryParse(PeriodKey, out var key) ? key : throw new InvalidOperationException(PeriodKey);

    public SortedDictionary<string, string> VariableValues =>
        JsonSerializer.Deserialize<SortedDictionary<string, string>>(Variables) ?? new SortedDictionary<string, string>(StringComparer.Ordinal);

    public static string SerializeVariables(IDictionary<string, string> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(values, StringComparer.Ordinal));

    public IReadOnlyDictionary<string, string?> AuditFields(IndicatorRow indicator) => new Dictionary<string, string?>
    {
        ["target"] = Target is null ? null : indicator.FormatValue(Target),
        ["target_high"] = TargetHigh is null ? null : indicator.FormatValue(TargetHigh),
        ["actual"] = Actual is null ? null : indicator.FormatValue(Actual),
        ["variables"] = Variables == "{}" ? null : Variables,
        ["note"] = Note.Length == 0 ? null : Note,
        ["evidence_uri"] = EvidenceUri.Length == 0 ? null : EvidenceUri,
        ["closed"] = Closed ? "true" : "false",
        ["printed_achievement"] = PrintedAchievement is null ? null : PrintedAchievementText,
        ["printed_breach"] = PrintedBreach switch { null => null, true => "true", false => "false" },
    };
}
