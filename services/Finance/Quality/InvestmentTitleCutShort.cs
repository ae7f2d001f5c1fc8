using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>An investment title that looks cut short.</summary>
public sealed class InvestmentTitleCutShort() : QualityRule<InvestmentData>("investment.text_cut_short", Severity.Info,
    "Titolo del progetto che sembra troncato", "Project title that looks cut short")
{
    public override IEnumerable<RuleHit> Check(InvestmentData data) =>
        from investment in data.Investments
        where TextChecks.LooksCutShort(investment.Title)
        select TextChecks.CutShort(investment.Name, "title", investment.Title);
}
