using Platform.Quality.V1;

namespace Platform.ServiceDefaults.Quality;

/// <summary>
/// One problem a rule sees in one field of one resource, before the ente's setting and silences apply.
/// <paramref name="Field"/> is the proto field path (<c>code</c>, <c>programme_codes[0]</c>).
/// </summary>
public sealed record RuleHit(string Resource, string Field, string MessageIt, string MessageEn);

/// <summary>What every rule of every service declares: its stable code, default severity and what it checks.</summary>
public interface IQualityRule
{
    string Code { get; }
    Severity DefaultSeverity { get; }
    string DescriptionIt { get; }
    string DescriptionEn { get; }
}

/// <summary>
/// A data-quality rule over one service's read-only view of a plan or budget (<typeparamref name="TInput"/>):
/// a small pure class, no I/O, so it is tested with a positive and a negative case.
/// </summary>
public abstract class QualityRule<TInput>(string code, Severity defaultSeverity, string descriptionIt, string descriptionEn)
    : IQualityRule
{
    public string Code { get; } = code;
    public Severity DefaultSeverity { get; } = defaultSeverity;
    public string DescriptionIt { get; } = descriptionIt;
    public string DescriptionEn { get; } = descriptionEn;

    public abstract IEnumerable<RuleHit> Check(TInput input);
}
