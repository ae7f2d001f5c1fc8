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
        select new RuleHit(investment.Name, "title",
            $"Il titolo sembra troncato: termina con «{TextChecks.Ending(investment.Title)}». Riportare il titolo intero.",
            $"The title looks cut short: it ends with '{TextChecks.Ending(investment.Title)}'. Store the whole title.");
}
