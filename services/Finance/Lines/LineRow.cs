using Platform.Finance.Balances;

namespace Platform.Finance.Lines;

/// <summary>A row of <c>budget_lines</c> with its amounts.</summary>
public sealed record LineRow
{
    public string TenantId { get; init; } = "";
    public string BudgetId { get; init; } = "";
    public string LineId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string ClassificationKey { get; init; } = "";
    public int? Titolo { get; init; }
    public string? Tipologia { get; init; }
    public string? Categoria { get; init; }
    public string? MissionCode { get; init; }
    public string? ProgrammeCode { get; init; }
    public string? Macroaggregato { get; init; }
    public string? BalanceItem { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<AmountRow> Amounts { get; init; } = [];

    public BudgetLine.Types.Kind KindValue => Enum.Parse<BudgetLine.Types.Kind>(Kind);

    public static string KeyOf(BudgetLine line) => line.Kind switch
    {
        BudgetLine.Types.Kind.Revenue => $"R|{line.Titolo}|{line.Tipologia}|{line.Categoria}",
        BudgetLine.Types.Kind.Spending => $"S|{line.MissionCode}|{line.ProgrammeCode}|{line.Titolo}|{line.Macroaggregato}",
        _ => $"B|{line.BalanceItem}",
    };

    public static LineRow From(string tenantId, string budgetId, string lineId, BudgetLine line, IReadOnlyList<AmountRow> amounts) => new()
    {
        TenantId = tenantId, BudgetId = budgetId, LineId = lineId, Kind = line.Kind.ToString(),
        ClassificationKey = KeyOf(line),
        Titolo = line.Kind == BudgetLine.Types.Kind.Balance ? null : line.Titolo,
        Tipologia = Empty(line.Tipologia), Categoria = Empty(line.Categoria),
        MissionCode = Empty(line.MissionCode), ProgrammeCode = Empty(line.ProgrammeCode),
        Macroaggregato = Empty(line.Macroaggregato),
        BalanceItem = line.Kind == BudgetLine.Types.Kind.Balance ? line.BalanceItem.ToString() : null,
        Description = line.Description.Trim(),
        Amounts = amounts,
    };

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public BudgetLine ToProto()
    {
        var line = new BudgetLine
        {
            Name = LineNames.Format(BudgetId, LineId),
            Kind = KindValue,
            Titolo = Titolo ?? 0,
            Tipologia = Tipologia ?? "",
            Categoria = Categoria ?? "",
            MissionCode = MissionCode ?? "",
            ProgrammeCode = ProgrammeCode ?? "",
            Macroaggregato = Macroaggregato ?? "",
            BalanceItem = BalanceItem is null ? V1.BalanceItem.Unspecified : Enum.Parse<V1.BalanceItem>(BalanceItem),
            Description = Description,
        };
        line.Amounts.AddRange(Amounts.OrderBy(a => a.Year).ThenBy(a => a.StageValue).Select(a => a.ToProto()));
        return line;
    }

    public AmountRow? AmountFor(int year, Stage stage) =>
        Amounts.FirstOrDefault(a => a.Year == year && a.Stage == stage.ToString());
}

/// <summary>A row of <c>budget_line_amounts</c>.</summary>
public sealed record AmountRow
{
    public string LineId { get; init; } = "";
    public int Year { get; init; }
    public string Stage { get; init; } = "";
    public decimal Appropriation { get; init; }
    public decimal? Cash { get; init; }
    public decimal? Commitments { get; init; }
    public decimal? Payments { get; init; }
    public decimal? Assessments { get; init; }
    public decimal? Collections { get; init; }

    public Stage StageValue => Enum.Parse<Stage>(Stage);

    public LineAmount ToProto() => new()
    {
        Year = Year,
        Stage = StageValue,
        Appropriation = Decimals.Format(Appropriation, 2),
        Cash = Format(Cash),
        Commitments = Format(Commitments),
        Payments = Format(Payments),
        Assessments = Format(Assessments),
        Collections = Format(Collections),
    };

    public static string Format(decimal? value) => value is { } v ? Decimals.Format(v, 2) : "";
}
