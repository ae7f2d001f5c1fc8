using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>A title, description or yearly action that looks cut short (an ellipsis, a dangling "del").</summary>
public sealed class ObjectiveTextCutShort() : QualityRule<PlanData>("objective.text_cut_short", Severity.Info,
    "Testo dell'obiettivo che sembra troncato", "Objective text that looks cut short")
{
    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        foreach (var objective in plan.Objectives)
        {
            var texts = new List<(string Field, string Text)> { ("title", objective.Title), ("description", objective.Description) };
            texts.AddRange(objective.YearlyActions.OrderBy(a => a.Key).Select(a => ($"yearly_actions[{a.Key}]", a.Value)));
            foreach (var (field, text) in texts.Where(t => TextChecks.LooksCutShort(t.Text)))
                yield return TextChecks.CutShort(objective.Name, field, text);
        }
    }
}
