namespace Platform.Objectives.Objectives;

/// <summary>
/// The few columns of an objective that the BASIC plan tree carries: read without the card, so building it
/// parses no JSON.
/// </summary>
public sealed record ObjectiveOutline : ITreeRow
{
    public required string PlanId { get; init; }
    public required string Code { get; init; }
    public string? ParentCode { get; init; }
    public required string Level { get; init; }
    public required int Depth { get; init; }
    public required string Title { get; init; }

    public const string Columns = "plan_id AS PlanId, code, parent_code AS ParentCode, level, depth, title";

    public Objective ToProto() => new()
    {
        Name = ObjectiveName.Format(PlanId, Code),
        Code = Code,
        Parent = ParentCode is null ? "" : ObjectiveName.Format(PlanId, ParentCode),
        Level = Level,
        Depth = Depth,
        Title = Title,
    };
}
