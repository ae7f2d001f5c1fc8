using Platform.Finance.Investments;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>A CUP that is not 15 uppercase letters and digits starting with a letter (the DUP prints three of 14).</summary>
public sealed class CupMalformed() : QualityRule<InvestmentData>("investment.cup_malformed", Severity.Error,
    "CUP non valido (15 caratteri, lettere maiuscole e cifre)", "Malformed CUP (15 uppercase letters and digits)")
{
    public override IEnumerable<RuleHit> Check(InvestmentData data) =>
        from investment in data.Investments
        where investment.Cup.Length > 0 && PnrrCodes.CupProblems(investment.Cup).Count > 0
        select new RuleHit(investment.Name, "cup",
            $"Il CUP «{investment.Cup}» ha {investment.Cup.Length} caratteri: un CUP ne ha 15, lettere maiuscole e cifre, e inizia con una lettera.",
            $"CUP '{investment.Cup}' has {investment.Cup.Length} characters: a CUP has 15 uppercase letters and digits, starting with a letter.");
}
