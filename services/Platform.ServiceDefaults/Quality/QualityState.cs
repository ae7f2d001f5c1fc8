using Platform.Quality.V1;

namespace Platform.ServiceDefaults.Quality;

/// <summary>An ente's choice for one rule.</summary>
public sealed record RuleSetting(string Rule, bool Enabled, Severity Severity);

/// <summary>An ente's rule settings and silences, as read once per report.</summary>
public sealed record QualityState(IReadOnlyDictionary<string, RuleSetting> Settings,
    IReadOnlyDictionary<(string Rule, string Resource), string> Silences)
{
    public static QualityState Empty { get; } = new(new Dictionary<string, RuleSetting>(),
        new Dictionary<(string, string), string>());

    public bool IsEnabled(IQualityRule rule) => !Settings.TryGetValue(rule.Code, out var s) || s.Enabled;

    public Severity SeverityOf(IQualityRule rule) =>
        Settings.TryGetValue(rule.Code, out var s) && s.Severity != Severity.Unspecified ? s.Severity : rule.DefaultSeverity;
}
