using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>
/// The DUP of a plan version with every changed objective marked "(modificato)" and an appendix listing what
/// changed, both from the Objectives service's version diff.
/// </summary>
public static class ConfrontoDocument
{
    /// <param name="baseLabel">What the version is compared with, e.g. "versione v1".</param>
    public static Document Build(PlanData data, PlanVersionDiff diff, string shownLabel, string baseLabel)
    {
        var changed = diff.Changed.Select(c => c.Objective).ToHashSet();
        var titles = data.Objectives.ToDictionary(o => o.Name, o => $"{o.Code} - {o.Title}");
        string Named(string name) => titles.GetValueOrDefault(name) ?? name[(name.LastIndexOf('/') + 1)..];

        var appendix = new List<Block>
        {
            new PageBreak(),
            new Heading(1, $"Appendice: modifiche di {shownLabel} rispetto a {baseLabel}", "modifiche"),
            new Paragraph($"Obiettivi modificati: {diff.Changed.Count}; aggiunti: {diff.Added.Count}; eliminati: {diff.Removed.Count}."),
        };
        if (diff.PlanChanges.Count > 0) appendix.Add(Changes("Modifiche del piano", diff.PlanChanges.Select(c => ("Piano", c))));
        if (diff.Added.Count > 0)
            appendix.Add(new Table("Obiettivi aggiunti", ["Obiettivo"], diff.Added.Select(a => new Row([Named(a)])).ToList(), new HashSet<int>()));
        if (diff.Removed.Count > 0)
            appendix.Add(new Table("Obiettivi eliminati", ["Obiettivo"], diff.Removed.Select(r => new Row([r[(r.LastIndexOf('/') + 1)..]])).ToList(), new HashSet<int>()));
        if (diff.Changed.Count > 0)
            appendix.Add(Changes("Obiettivi modificati", diff.Changed.SelectMany(c => c.Changes.Select(f => (Named(c.Objective), f)))));

        var dup = DupDocument.Build(data, changed, appendix);
        return dup with { Cover = CommonBlocks.Cover(data, data.Plan.Title, $"Testo di {shownLabel} con le modifiche rispetto a {baseLabel}") };
    }

    private static Table Changes(string caption, IEnumerable<(string Subject, Platform.Common.V1.FieldChange Change)> changes) =>
        new(caption, ["Obiettivo", "Campo", "Prima", "Dopo"],
            changes.Select(c => new Row([c.Subject, c.Change.Field, c.Change.HasOldValue ? c.Change.OldValue : "—", c.Change.HasNewValue ? c.Change.NewValue : "—"])).ToList(),
            new HashSet<int>());
}
