namespace Platform.Web.Api;

// The data-quality report (platform.quality.v1) as the REST API gives it.

public sealed record Finding(string Rule = "", string Severity = "", string Resource = "", string Field = "",
    string MessageIt = "", bool Silenced = false, string SilenceReason = "");

public sealed record SeverityCounts(int Errors = 0, int Warnings = 0, int Infos = 0, int Silenced = 0);

public sealed record ValidationReport(string Subject = "", List<Finding>? Findings = null, SeverityCounts? Counts = null, int RulesRun = 0);

/// <summary>One service's report with the service's Italian name.</summary>
public sealed record ServiceReport(string Service, ValidationReport Report);
