using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Achievement;

/// <summary>The achievement rule of a polarity and method in words, as <see cref="AchievementRules.Calculate"/> applies it.</summary>
public static class RuleTexts
{
    public static string Italian(Polarity polarity, AchievementMethod method)
    {
        if (polarity == Polarity.Binary) return "Fatto o non fatto: 100 % se il valore rilevato è maggiore di 0, altrimenti 0 %.";
        if (method == AchievementMethod.LinearFromBaseline)
            return "Lineare dal valore di partenza: (valore rilevato − partenza) / (target − partenza) × 100, tra 0 e 100 %.";
        var capped = method == AchievementMethod.DupPercent;
        var cap = capped ? ", al massimo 100 %" : " (anche oltre 100 %)";
        var name = capped ? "regola del DUP" : "percentuale senza tetto";
        return polarity switch
        {
            Polarity.LowerIsBetter => capped
                ? $"Più basso è meglio, {name}: 100 % se il valore rilevato è al più il target, altrimenti target / valore rilevato × 100."
                : $"Più basso è meglio, {name}: target / valore rilevato × 100{cap}; 100 % se il valore rilevato è al più 0.",
            Polarity.TargetRange =>
                $"Intervallo, {name}: 100 % tra target e target massimo; sopra, target massimo / valore rilevato × 100{cap}; " +
                "sotto, valore rilevato / target × 100 (0 % se il valore rilevato è al più 0).",
            _ => capped
                ? $"Più alto è meglio, {name}: 0 % se il valore rilevato è al più 0, altrimenti valore rilevato / target × 100{cap}."
                : $"Più alto è meglio, {name}: valore rilevato / target × 100{cap}.",
        };
    }

    public static string English(Polarity polarity, AchievementMethod method)
    {
        if (polarity == Polarity.Binary) return "Done or not done: 100% when the actual is above 0, else 0%.";
        if (method == AchievementMethod.LinearFromBaseline)
            return "Linear from the baseline: (actual - baseline) / (target - baseline) * 100, kept within 0-100%.";
        var capped = method == AchievementMethod.DupPercent;
        var cap = capped ? ", at most 100%" : " (may exceed 100%)";
        var name = capped ? "DUP rule" : "uncapped percentage";
        return polarity switch
        {
            Polarity.LowerIsBetter => capped
                ? $"Lower is better, {name}: 100% when the actual is at most the target, else target / actual * 100."
                : $"Lower is better, {name}: target / actual * 100{cap}; 100% when the actual is at most 0.",
            Polarity.TargetRange =>
                $"Target range, {name}: 100% between target and target_high; above, target_high / actual * 100{cap}; " +
                "below, actual / target * 100 (0% when the actual is at most 0).",
            _ => capped
                ? $"Higher is better, {name}: 0% when the actual is at most 0, else actual / target * 100{cap}."
                : $"Higher is better, {name}: actual / target * 100{cap}.",
        };
    }
}
