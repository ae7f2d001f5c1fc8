using Platform.Indicators.Formulas;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>
/// An actual that disagrees with its own formula and variables (the formula changed after the actual was
/// computed, or the actual was typed beside variables that give another value).
/// </summary>
public sealed class FormulaMismatch() : QualityRule<PlanIndicators>("indicator.formula_mismatch", Severity.Error,
    "Valore rilevato diverso da quello che dà la sua formula", "Actual that disagrees with its formula and variables")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan)
    {
        foreach (var data in plan.Indicators.Where(d => d.Indicator.Formula.Length > 0))
        {
            var formula = TryParse(data.Indicator.Formula);
            if (formula is null) continue;
            foreach (var period in data.Periods.Where(p => p.Actual is not null))
            {
                if (Expected(formula, period, data.Indicator.Decimals) is not { } expected || expected == period.Actual) continue;
                yield return new RuleHit(period.ResourceName, "actual",
                    $"Il valore rilevato {ItalianFormat.Number(period.Actual!.Value)} non è quello della formula {formula.Text} con le sue variabili ({ItalianFormat.Number(expected)}).",
                    $"The actual {data.Indicator.FormatValue(period.Actual)} is not what {formula.Text} gives with its variables ({data.Indicator.FormatValue(expected)}).");
            }
        }
    }

    private static Formula? TryParse(string text)
    {
        try
        {
            return Formula.Parse(text);
        }
        catch (FormulaException)
        {
            return null;
        }
    }

    /// <summary>The formula's value with the period's variables, rounded as actuals are; null without all of them.</summary>
    private static decimal? Expected(Formula formula, Periods.PeriodRow period, int decimals)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, text) in period.VariableValues)
            if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
                values[name] = value;
        if (!formula.Variables.All(values.ContainsKey)) return null;
        try
        {
            return Decimals.RoundHalfUp(formula.Evaluate(values), decimals);
        }
        catch (Exception e) when (e is FormulaException or DivideByZeroException or OverflowException)
        {
            return null;
        }
    }
}
