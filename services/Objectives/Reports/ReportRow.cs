namespace Platform.Objectives.Reports;

/// <summary>A row of <c>progress_reports</c>.</summary>
internal sealed record ReportRow(string TenantId, string PlanId, string ObjectiveCode, string ReportId, long Seq,
    string Period, string State, string StatusText, string CorrectiveActions, string Author, DateTime CreatedAt,
    string CreatedBy, string? AsOfDate)
{
    public string ResourceName => ReportValidation.FormatName(PlanId, ObjectiveCode, ReportId);

    public ProgressReport ToProto() => new()
    {
        Name = ResourceName, Period = Period,
        State = (ProgressReport.Types.State)ProgressReport.Descriptor.FindFieldByName("state").EnumType.FindValueByName(State).Number,
        StatusText = StatusText, CorrectiveActions = CorrectiveActions, Author = Author,
        CreateTime = CreatedAt.ToTimestamp(), CreateUser = CreatedBy, AsOfDate = AsOfDate ?? "",
    };
}
