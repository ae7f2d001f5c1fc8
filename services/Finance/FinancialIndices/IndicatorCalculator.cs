using Platform.Finance.Lines;

namespace Platform.Finance.FinancialIndices;

/// <summary>
/// Financial indicators of one year and stage, from the budget lines (appropriations, competenza):
/// <list type="bullet">
/// <item>autonomia finanziaria = (E.T1 + E.T3) / (E.T1 + E.T2 + E.T3) × 100</item>
/// <item>autonomia impositiva = E.T1 / (E.T1 + E.T2 + E.T3) × 100</item>
/// <item>pressione tributaria per abitante = E.T1 / abitanti</item>
/// <item>rigidità strutturale = (personale S.T1 macroaggregato 101 + interessi passivi S.T1 macroaggregato 107
///   + rimborso prestiti S.T4) / (E.T1 + E.T2 + E.T3) × 100</item>
/// <item>spesa corrente per abitante = S.T1 / abitanti</item>
/// </list>
/// Values are rounded half-up to 2 decimals; a zero denominator leaves the value empty.
/// </summary>
public static class IndicatorCalculator
{
    public static IReadOnlyList<FinancialIndicator> Compute(Ledger ledger, int year, Stage stage, long inhabitants)
    {
        decimal Revenue(int titolo) => ledger.Revenue(year, stage, l => l.Titolo == titolo);
        var t1 = Revenue(1);
        var currentRevenue = t1 + Revenue(2) + Revenue(3);
        var personnel = ledger.Spending(year, stage, l => l.Titolo == 1 && l.Macroaggregato == "101");
        var interest = ledger.Spending(year, stage, l => l.Titolo == 1 && l.Macroaggregato == "107");
        var repayments = ledger.Spending(year, stage, l => l.Titolo == 4);
        var currentSpending = ledger.Spending(year, stage, l => l.Titolo == 1);
        var hasMacro = ledger.At(year, stage).Any(r => r.Line.Titolo == 1 && r.Line.Macroaggregato is not null);
        return
        [
            Percent("autonomia_finanziaria", "Autonomia finanziaria", "(E.T1 + E.T3) / (E.T1 + E.T2 + E.T3) × 100",
                t1 + Revenue(3), currentRevenue),
            Percent("autonomia_impositiva", "Autonomia impositiva", "E.T1 / (E.T1 + E.T2 + E.T3) × 100", t1, currentRevenue),
            PerInhabitant("pressione_tributaria_per_abitante", "Pressione tributaria per abitante", "E.T1 / abitanti", t1, inhabitants),
            Percent("rigidita_strutturale", "Rigidità strutturale",
                "(S.T1 macroaggregato 101 personale + S.T1 macroaggregato 107 interessi + S.T4 rimborso prestiti) / (E.T1 + E.T2 + E.T3) × 100",
                personnel + interest + repayments, currentRevenue,
                hasMacro ? "" : "no titolo 1 line carries a macroaggregato: only the repayment of loans is counted"),
            PerInhabitant("spesa_corrente_per_abitante", "Spesa corrente per abitante", "S.T1 / abitanti", currentSpending, inhabitants),
        ];
    }

    private static FinancialIndicator Percent(string key, string label, string formula, decimal numerator, decimal denominator, string note = "") => new()
    {
        Key = key, Label = label, Formula = formula, Unit = "%", Note = denominator == 0 ? "current revenue is zero" : note,
        Numerator = Decimals.Format(numerator, 2), Denominator = Decimals.Format(denominator, 2),
        Value = denominator == 0 ? "" : Decimals.Format(numerator * 100 / denominator, 2),
    };

    private static FinancialIndicator PerInhabitant(string key, string label, string formula, decimal numerator, long inhabitants) => new()
    {
        Key = key, Label = label, Formula = formula, Unit = "EUR per inhabitant",
        Note = inhabitants == 0 ? "no inhabitants: give them or load the debt schedule of the year" : "",
        Numerator = Decimals.Format(numerator, 2), Denominator = inhabitants.ToString(),
        Value = inhabitants == 0 ? "" : Decimals.Format(numerator / inhabitants, 2),
    };
}
