using System.Text.Json;

namespace Platform.Objectives.Plans;

/// <summary>A row of <c>plans</c>, as Dapper reads and writes it.</summary>
public sealed record PlanRow
{
    public required string TenantId { get; init; }
    public required string PlanId { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required int StartYear { get; init; }
    public required int EndYear { get; init; }
    public required string Description { get; init; }
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    public string State { get; init; } = "DRAFT";
    public bool Published { get; init; }
    /// <summary>Level names as a JSON array.</summary>
    public string Levels { get; init; } = "[]";
    public bool FreeChildCodes { get; init; }
    /// <summary>Bumped by every write under the plan (see <see cref="PlanStore.LoadForWriteAsync"/>).</summary>
    public long TreeVersion { get; init; }

    public IReadOnlyList<string> LevelList => JsonSerializer.Deserialize<List<string>>(Levels) ?? [];

    public Plan.Types.State StateValue => PlanStates.Parse(State);

    public bool IsArchived => StateValue == Plan.Types.State.Archived;

    public static string LevelsJson(IEnumerable<string> levels) => JsonSerializer.Serialize(levels.ToList());

    public string ResourceName => PlanName.Format(PlanId);

    /// <summary>
    /// <c>PlanTree.etag</c>: the plan's version and its tree version, so any change to the plan or under it
    /// changes it; the creation time keeps it from repeating when a plan is deleted and created again.
    /// </summary>
    public string TreeEtag => $"W/\"{CreatedAt.Ticks:x}-{Version}-{TreeVersion}\"";

    public Plan ToProto() => new()
    {
        Name = ResourceName,
        Title = Title,
        Kind = Enum.Parse<Plan.Types.Kind>(Kind),
        StartYear = StartYear,
        EndYear = EndYear,
        Description = Description,
        Etag = Etags.Format(Version),
        CreateTime = CreatedAt.ToTimestamp(),
        UpdateTime = UpdatedAt.ToTimestamp(),
        UpdateUser = UpdatedBy,
        State = StateValue,
        Published = Published,
        Levels = { LevelList },
        FreeChildCodes = FreeChildCodes,
    };

    /// <summary>This row with the client-editable fields of <paramref name="plan"/> (texts trimmed).</summary>
    public PlanRow WithFields(Plan plan) => this with
    {
        Title = plan.Title.Trim(),
        Kind = plan.Kind.ToString(),
        StartYear = plan.StartYear,
        EndYear = plan.EndYear,
        Description = plan.Description,
        Levels = LevelsJson(plan.Levels.Select(l => l.Trim())),
        FreeChildCodes = plan.FreeChildCodes,
    };

    /// <summary>The client-visible fields, as the audit trail records them.</summary>
    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>
    {
        ["title"] = Title,
        ["kind"] = Kind,
        ["start_year"] = StartYear.ToString(),
        ["end_year"] = EndYear.ToString(),
        ["description"] = Description,
        ["state"] = State,
        ["published"] = Published ? "true" : "false",
        ["levels"] = string.Join(" > ", LevelList),
        ["free_child_codes"] = FreeChildCodes ? "true" : "false",
    };
}

/// <summary>Plan states as stored (the proto enum's original names: DRAFT, ADOPTED...).</summary>
public static class PlanStates
{
    public static string Format(Plan.Types.State state) =>
        Plan.Descriptor.FindFieldByName("state").EnumType.FindValueByNumber((int)state).Name;

    public static Plan.Types.State Parse(string stored) =>
        (Plan.Types.State)Plan.Descriptor.FindFieldByName("state").EnumType.FindValueByName(stored).Number;
}
