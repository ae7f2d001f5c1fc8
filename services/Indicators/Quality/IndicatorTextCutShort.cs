using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>An indicator's title, description, notes or a period's note that looks cut short.</summary>
public sealed class IndicatorTextCutShort() : QualityRule<PlanIndicators>("indicator.text_cut_short", Severity.Info,
    "Testo dell'indicatore che sembra troncato", "Indicator text that looks cut short")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan)
    {
        foreach (var data in plan.Indicators)
        {
            var texts = new List<(string Resource, string Field, string Text)>
            {
                (data.Indicator.ResourceName, "title", data.Card.Title),
                (data.Indicator.ResourceName, "description", data.Card.Description),
                (data.Indicator.ResourceName, "notes", data.Card.Notes),
            };
            texts.AddRange(data.Periods.Select(p => (p.ResourceName, "note", p.Note)));
            foreach (var (resource, field, text) in texts.Where(t => TextChecks.LooksCutShort(t.Text)))
                yield return TextChecks.CutShort(resource, field, text);
        }
    }
}
