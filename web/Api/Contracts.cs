namespace Platform.Web.Api;

// The gateway's REST (proto JSON) shapes this app reads. Decimals arrive as strings, enums as their names,
// and fields at their default value are left out, hence the defaults here.

public sealed record Plan(string Name = "", string Title = "", string Kind = "", int StartYear = 0, int EndYear = 0,
    string Description = "", string State = "", bool Published = false, List<string>? Levels = null)
{
    public string Id => Name.Split('/').Last();
}

public sealed record PlanList(List<Plan>? Plans = null);

public sealed record PlanTree(Plan? Plan = null, List<PlanTreeNode>? Roots = null, int ObjectiveCount = 0);

public sealed record PlanTreeNode(Objective Objective, List<PlanTreeNode>? Children = null, int DescendantCount = 0);

public sealed record Objective(string Name = "", string Code = "", string Title = "", string Description = "",
    string Parent = "", string Level = "", int Depth = 0, List<string>? PoliticalOwners = null, string Manager = "",
    string LeadSector = "", List<string>? InvolvedSectors = null, List<string>? Partners = null,
    List<string>? Stakeholders = null, List<string>? MissionCodes = null, List<string>? ProgrammeCodes = null,
    List<int>? SdgGoals = null, List<string>? FivePs = null, Dictionary<string, string>? YearlyActions = null,
    string LatestState = "", string LatestPeriod = "");

public sealed record ProgressReport(string Name = "", string Period = "", string State = "", string StatusText = "",
    string CorrectiveActions = "", string Author = "", DateTimeOffset? CreateTime = null, string AsOfDate = "");

public sealed record ProgressReportList(List<ProgressReport>? Reports = null);

public sealed record StatusCounts(int Achieved = 0, int PartiallyAchieved = 0, int NotAchieved = 0, int NotMeasured = 0,
    int NoTarget = 0);

public sealed record Scorecard(string Plan = "", int Year = 0, List<ScorecardNode>? Roots = null, string Score = "",
    StatusCounts? Counts = null);

public sealed record ScorecardNode(string Objective = "", string Code = "", string Title = "",
    List<ScorecardIndicator>? Indicators = null, List<ScorecardNode>? Children = null, string Score = "",
    StatusCounts? Counts = null, StatusCounts? SubtreeCounts = null);

public sealed record ScorecardIndicator(string Indicator = "", string Title = "", string Unit = "", string Weight = "",
    string Target = "", string Actual = "", string Achievement = "", string Status = "", bool ThresholdBreached = false)
{
    public string Id => Indicator.Split('/').Last();
}

public sealed record Indicator(string Name = "", string Title = "", string Unit = "", string Description = "",
    string Kind = "", string Polarity = "", string Formula = "", List<string>? Objectives = null, string DataSource = "",
    string Owner = "", List<string>? Variables = null, StatusBands? StatusBands = null)
{
    public string Id => Name.Split('/').Last();
}

public sealed record Period(string Name = "", string Target = "", string TargetHigh = "", string Actual = "",
    string Achievement = "", string Status = "", bool Closed = false, bool ThresholdBreached = false, int Year = 0,
    string Note = "", AchievementExplanation? Explanation = null)
{
    public string Id => Name.Split('/').Last();
}

/// <summary>Achievement at or above <c>AchievedFrom</c> is achieved, at or above <c>PartiallyAchievedFrom</c> partially.</summary>
public sealed record StatusBands(string AchievedFrom = "", string PartiallyAchievedFrom = "");

/// <summary>How the service computed a period's achievement and status (its Italian texts are shown as they are).</summary>
public sealed record AchievementExplanation(string Formula = "", List<ExplanationInput>? Inputs = null, string AchievementMethod = "",
    string Polarity = "", int AchievementDecimals = 0, int ActualDecimals = 0, StatusBands? StatusBands = null,
    List<ExplanationStep>? Steps = null, string RuleIt = "");

public sealed record ExplanationInput(string Source = "", string Name = "", string Value = "", string LabelIt = "");

public sealed record ExplanationStep(string Kind = "", string Expression = "", string Result = "", string Status = "", string TextIt = "");

public sealed record PeriodList(List<Period>? Periods = null);

public sealed record FieldChange(string Field = "", string? OldValue = null, string? NewValue = null);

public sealed record AuditEvent(long Id = 0, string Resource = "", string Action = "", string Actor = "",
    DateTimeOffset? Time = null, List<FieldChange>? Changes = null);

public sealed record AuditEventList(List<AuditEvent>? AuditEvents = null);
