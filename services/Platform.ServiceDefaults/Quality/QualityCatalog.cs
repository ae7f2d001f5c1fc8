using Platform.Quality.V1;

namespace Platform.ServiceDefaults.Quality;

/// <summary>
/// The rules one service runs and the resource collections its findings name (<c>plans/</c>,
/// <c>indicators/</c>...): what its rule settings and silences may refer to.
/// </summary>
public sealed class QualityCatalog(IEnumerable<IQualityRule> rules, params string[] resourcePrefixes)
{
    public const int MaxResourceLength = 250;
    public const int MaxReasonLength = 2000;

    public IReadOnlyList<IQualityRule> Rules { get; } = rules.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> ResourcePrefixes { get; } = resourcePrefixes;

    public IQualityRule? Find(string code) => Rules.FirstOrDefault(r => r.Code == code);

    /// <summary>The rule named in <paramref name="field"/>, or a violation when it is not one of this service's.</summary>
    public IQualityRule? Check(string code, string field, RequestValidator validator)
    {
        if (!validator.Required(code, field)) return null;
        var rule = Find(code);
        validator.Check(rule is not null, field, $"is not a rule of this service: {string.Join(", ", Rules.Select(r => r.Code))}");
        return rule;
    }

    public QualityRule ToProto(IQualityRule rule, QualityState state) => new()
    {
        Rule = rule.Code,
        DescriptionIt = rule.DescriptionIt,
        DescriptionEn = rule.DescriptionEn,
        Severity = state.SeverityOf(rule),
        Enabled = state.IsEnabled(rule),
        DefaultSeverity = rule.DefaultSeverity,
    };
}
