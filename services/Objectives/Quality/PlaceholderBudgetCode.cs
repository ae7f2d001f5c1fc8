using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>A mission or programme that is a placeholder (<c>99999</c>, <c>ND</c>), not a budget code.</summary>
public sealed class PlaceholderBudgetCode() : QualityRule<PlanData>("objective.placeholder_budget_code", Severity.Error,
    "Codice di missione o programma segnaposto (99999, ND)", "Placeholder mission or programme code (99999, ND)")
{
    /// <summary><c>ND</c>, <c>N.D.</c>, <c>-</c>, <c>0</c>, or three or more nines (mission 99 is a real one).</summary>
    public static bool IsPlaceholder(string code)
    {
        var text = code.Trim().Replace(".", "").ToUpperInvariant();
        return text is "ND" or "NA" or "-" or "0" or "00" || (text.Length >= 3 && text.All(c => c == '9'));
    }

    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        foreach (var objective in plan.Objectives)
            foreach (var (field, codes) in new[] { ("mission_codes", objective.MissionCodes), ("programme_codes", objective.ProgrammeCodes) })
                for (var i = 0; i < codes.Count; i++)
                    if (IsPlaceholder(codes[i]))
                        yield return new RuleHit(objective.Name, $"{field}[{i}]",
                            $"«{codes[i]}» non è un codice di bilancio ma un segnaposto: indicare la missione e il programma veri.",
                            $"'{codes[i]}' is a placeholder, not a budget code: give the real mission and programme.");
    }
}
