using System.Text.RegularExpressions;
using Platform.Finance.Investments;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>
/// A PNRR measure that is malformed or unknown (missions M1-M7, components C1-C9), or missing on a project
/// with PNRR money, and a title that cites a malformed one (the DUP's "MSC2" for M5C2).
/// </summary>
public sealed partial class MeasureMalformed() : QualityRule<InvestmentData>("investment.measure_malformed", Severity.Error,
    "Misura PNRR non valida o sconosciuta", "Malformed or unknown PNRR measure")
{
    /// <summary>A component as titles cite it (<c>M5C2</c>, <c>M5-C2</c>, and the typo <c>MSC2</c>).</summary>
    [GeneratedRegex(@"\bM[A-Z0-9]-?C\d\b")]
    private static partial Regex CitedComponent();

    [GeneratedRegex(@"^M[1-7]-?C[1-9]$")]
    private static partial Regex ValidComponent();

    public override IEnumerable<RuleHit> Check(InvestmentData data)
    {
        foreach (var investment in data.Investments)
        {
            if (investment.PnrrMeasure.Length > 0 && !PnrrCodes.TryParseMeasure(investment.PnrrMeasure, out _))
                yield return new RuleHit(investment.Name, "pnrr_measure",
                    $"La misura PNRR «{investment.PnrrMeasure}» non è valida: la forma è M5-C2-I2.3 (missioni M1-M7).",
                    $"PNRR measure '{investment.PnrrMeasure}' is malformed: the form is M5-C2-I2.3 (missions M1-M7).");
            else if (investment.PnrrMeasure.Length == 0 && Amount(investment.TotalPnrrContribution) > 0m)
                yield return new RuleHit(investment.Name, "pnrr_measure",
                    "Il progetto ha un contributo PNRR ma nessuna misura PNRR.", "The project has a PNRR contribution but no PNRR measure.");
            foreach (var cited in CitedComponent().Matches(investment.Title).Select(m => m.Value).Distinct()
                         .Where(c => !ValidComponent().IsMatch(c)))
                yield return new RuleHit(investment.Name, "title",
                    $"Il titolo cita la componente PNRR «{cited}», che non esiste (forse {Guess(cited, investment)}).",
                    $"The title cites PNRR component '{cited}', which does not exist (perhaps {Guess(cited, investment)}).");
        }
    }

    private static string Guess(string cited, Investment investment) =>
        investment.PnrrComponent.Length > 0 ? investment.PnrrComponent : "M" + cited[^3..].Replace("-", "");

    public static decimal Amount(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0m;
}
