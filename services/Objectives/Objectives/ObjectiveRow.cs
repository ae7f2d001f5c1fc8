namespace Platform.Objectives.Objectives;

/// <summary>
/// A row of <c>objectives</c>: the columns queries filter and sort on, and the rest of the card as proto JSON.
/// </summary>
public sealed record ObjectiveRow : ITreeRow
{
    public required string TenantId { get; init; }
    public required string PlanId { get; init; }
    public required string Code { get; init; }
    public string? ParentCode { get; init; }
    public required string Level { get; init; }
    public required int Depth { get; init; }
    public required string SortKey { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Manager { get; init; }
    public required string LeadSector { get; init; }
    public required string Card { get; init; }
    /// <summary>The same card as protobuf binary (null for rows written before the column existed).</summary>
    public byte[]? CardBinary { get; init; }
    public string LatestState { get; init; } = "";
    public string LatestPeriod { get; init; } = "";
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, code, parent_code AS ParentCode, level, depth, sort_key AS SortKey,
        title, description, manager, lead_sector AS LeadSector, card, card_binary AS CardBinary, latest_state AS LatestState,
        latest_period AS LatestPeriod, version, created_at AS CreatedAt, created_by AS CreatedBy,
        updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public string ResourceName => ObjectiveName.Format(PlanId, Code);

    public Objective ToProto()
    {
        var objective = CardBinary is not null ? Objective.Parser.ParseFrom(CardBinary) : Parser.Parse<Objective>(Card);
        objective.Name = ResourceName;
        objective.Code = Code;
        objective.Parent = ParentCode is null ? "" : ObjectiveName.Format(PlanId, ParentCode);
        objective.Level = Level;
        objective.Depth = Depth;
        objective.Title = Title;
        objective.Description = Description;
        objective.Manager = Manager;
        objective.LeadSector = LeadSector;
        objective.LatestState = LatestState;
        objective.LatestPeriod = LatestPeriod;
        objective.Etag = Etags.Format(Version);
        objective.CreateTime = CreatedAt.ToTimestamp();
        objective.UpdateTime = UpdatedAt.ToTimestamp();
        objective.CreateUser = CreatedBy;
        objective.UpdateUser = UpdatedBy;
        return objective;
    }

    /// <summary>The card fields that have no column of their own.</summary>
    private static Objective CardOf(Objective objective)
    {
        var card = new Objective();
        UpdateMasks.Apply(card, objective, ObjectiveFields.Updatable);
        card.Title = card.Description = card.Manager = card.LeadSector = "";
        return card;
    }

    /// <summary>A row for <paramref name="objective"/>'s card (trimmed scalar fields), with the given placement.</summary>
    public static ObjectiveRow From(Objective objective, string tenantId, string planId, string code, string? parentCode,
        string level, int depth, long version, DateTime createdAt, string createdBy, DateTime updatedAt, string updatedBy,
        string latestState = "", string latestPeriod = "")
    {
        var card = CardOf(objective);
        return new()
        {
            TenantId = tenantId, PlanId = planId, Code = code, ParentCode = parentCode, Level = level, Depth = depth,
            SortKey = ObjectiveCodes.SortKey(code), Title = objective.Title.Trim(), Description = objective.Description,
            Manager = objective.Manager.Trim(), LeadSector = objective.LeadSector.Trim(),
            Card = JsonFormatter.Default.Format(card), CardBinary = card.ToByteArray(),
            LatestState = latestState, LatestPeriod = latestPeriod, Version = version,
            CreatedAt = createdAt, CreatedBy = createdBy, UpdatedAt = updatedAt, UpdatedBy = updatedBy,
        };
    }

    /// <summary>Values of the multi-valued fields lists filter on.</summary>
    public IEnumerable<(string Kind, string Value)> Terms(Objective objective)
    {
        var terms = objective.PoliticalOwners.Select(v => ("owner", v.Trim()))
            .Concat(new[] { LeadSector }.Concat(objective.InvolvedSectors).Where(s => s.Length > 0).Select(v => ("sector", v.Trim())))
            .Concat(objective.MissionCodes.Select(v => ("mission", v)))
            .Concat(objective.ProgrammeCodes.Select(v => ("programme", v)))
            .Concat(objective.SdgGoals.Select(v => ("sdg", v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return terms.Distinct();
    }
}
