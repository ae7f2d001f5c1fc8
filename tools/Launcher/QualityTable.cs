using System.Text;
using Platform.Quality.V1;

namespace Platform.Launcher;

/// <summary>A gathered data-quality report as a plain-text Italian table: counts per service, then one block per finding.</summary>
public static class QualityTable
{
    public static string Severity(Platform.Quality.V1.Severity severity) => severity switch
    {
        Platform.Quality.V1.Severity.Error => "ERRORE",
        Platform.Quality.V1.Severity.Warning => "AVVISO",
        _ => "INFO",
    };

    public static string Format(GatheredReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"Qualità dei dati di {report.Plan}");
        text.AppendLine();
        text.AppendLine($"{"Servizio",-13} {"Oggetto",-32} {"Regole",6} {"Errori",7} {"Avvisi",7} {"Info",6} {"Silenziati",10}");
        foreach (var (service, r) in report.Reports)
            text.AppendLine($"{service,-13} {r.Subject,-32} {r.RulesRun,6} {r.Counts.Errors,7} {r.Counts.Warnings,7} {r.Counts.Infos,6} {r.Counts.Silenced,10}");
        text.AppendLine($"{"Totale",-13} {"",-32} {report.Reports.Sum(r => r.Report.RulesRun),6} {report.Count(Platform.Quality.V1.Severity.Error),7} "
            + $"{report.Count(Platform.Quality.V1.Severity.Warning),7} {report.Count(Platform.Quality.V1.Severity.Info),6} {report.Findings.Count(f => f.Silenced),10}");
        foreach (var finding in report.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Resource, StringComparer.Ordinal))
        {
            text.AppendLine();
            var silenced = finding.Silenced ? $" (silenziato: {finding.SilenceReason})" : "";
            text.AppendLine($"{Severity(finding.Severity),-7} {finding.Resource}  [{finding.Field}]  {finding.Rule}{silenced}");
            text.AppendLine($"        {finding.MessageIt}");
        }
        return text.ToString();
    }
}
