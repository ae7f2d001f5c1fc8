using Platform.Quality.V1;

namespace Platform.ServiceDefaults.Quality;

/// <summary>Runs the enabled rules over one input and assembles the report: severities, silences, counts, order.</summary>
public static class QualityReports
{
    public static ValidationReport Run<TInput>(string subject, IEnumerable<QualityRule<TInput>> rules, TInput input,
        QualityState state)
    {
        var report = new ValidationReport { Subject = subject, Counts = new SeverityCounts() };
        var findings = new List<Finding>();
        foreach (var rule in rules.Where(state.IsEnabled))
        {
            report.RulesRun++;
            var severity = state.SeverityOf(rule);
            foreach (var hit in rule.Check(input))
            {
                var finding = new Finding
                {
                    Rule = rule.Code, Severity = severity, Resource = hit.Resource, Field = hit.Field,
                    MessageIt = hit.MessageIt, MessageEn = hit.MessageEn,
                };
                if (state.Silences.TryGetValue((rule.Code, hit.Resource), out var reason))
                {
                    finding.Silenced = true;
                    finding.SilenceReason = reason;
                }
                findings.Add(finding);
            }
        }
        report.Findings.Add(findings.OrderBy(f => f.Resource, StringComparer.Ordinal)
            .ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Field, StringComparer.Ordinal));
        foreach (var finding in findings) Count(report.Counts, finding);
        return report;
    }

    private static void Count(SeverityCounts counts, Finding finding)
    {
        if (finding.Silenced) counts.Silenced++;
        else if (finding.Severity == Severity.Error) counts.Errors++;
        else if (finding.Severity == Severity.Warning) counts.Warnings++;
        else counts.Infos++;
    }
}
