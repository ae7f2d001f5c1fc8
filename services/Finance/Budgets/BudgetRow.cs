namespace Platform.Finance.Budgets;

/// <summary>A row of <c>budgets</c>.</summary>
public sealed record BudgetRow
{
    public required string TenantId { get; init; }
    public required string BudgetId { get; init; }
    public required string Title { get; init; }
    public required int FirstYear { get; init; }
    public required int LastYear { get; init; }
    public string State { get; init; } = nameof(Budget.Types.State.Draft);
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
    /// <summary>Declared stages, loaded from <c>budget_stages</c>.</summary>
    public IReadOnlyList<StageRow> Stages { get; init; } = [];

    public string ResourceName => BudgetName.Format(BudgetId);

    public bool IsApproved => State == nameof(Budget.Types.State.Approved);

    public bool Declares(int year, Stage stage) => Stages.Any(s => s.Year == year && s.Stage == stage.ToString());

    public Budget ToProto()
    {
        var budget = new Budget
        {
            Name = ResourceName,
            Title = Title,
            FirstYear = FirstYear,
            LastYear = LastYear,
            Etag = Etags.Format(Version),
            CreateTime = CreatedAt.ToTimestamp(),
            UpdateTime = UpdatedAt.ToTimestamp(),
            UpdateUser = UpdatedBy,
            State = Enum.Parse<Budget.Types.State>(State),
        };
        budget.Stages.AddRange(Stages.OrderBy(s => s.Year).ThenBy(s => Enum.Parse<Stage>(s.Stage))
            .Select(s => new BudgetStage { Year = s.Year, Stage = Enum.Parse<Stage>(s.Stage) }));
        return budget;
    }

    /// <summary>This row with the client-editable fields of <paramref name="budget"/> (title trimmed).</summary>
    public BudgetRow WithFields(Budget budget) => this with
    {
        Title = budget.Title.Trim(),
        Stages = budget.Stages.Select(s => new StageRow(s.Year, s.Stage.ToString())).ToList(),
    };

    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>
    {
        ["title"] = Title,
        ["first_year"] = FirstYear.ToString(),
        ["last_year"] = LastYear.ToString(),
        ["state"] = State,
        ["stages"] = string.Join(",", Stages.OrderBy(s => s.Year).ThenBy(s => s.Stage).Select(s => $"{s.Year}:{s.Stage}")),
    };
}

/// <summary>A row of <c>budget_stages</c>.</summary>
public sealed record StageRow(int Year, string Stage)
{
    public StageRow() : this(0, "") { }
}
