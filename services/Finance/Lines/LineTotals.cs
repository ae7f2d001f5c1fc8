namespace Platform.Finance.Lines;

/// <summary>Exact sums of line amounts, and the classification levels lines can be grouped by.</summary>
public static class LineTotals
{
    public static readonly IReadOnlyList<string> GroupLevels =
        ["titolo", "tipologia", "categoria", "mission", "programme", "macroaggregato", "balance_item"];

    public static string Level(LineRow line, string level) => level switch
    {
        "titolo" => line.Titolo?.ToString() ?? "",
        "tipologia" => line.Tipologia ?? "",
        "categoria" => line.Categoria ?? "",
        "mission" => line.MissionCode ?? "",
        "programme" => line.ProgrammeCode ?? "",
        "macroaggregato" => line.Macroaggregato ?? "",
        _ => line.BalanceItem ?? "",
    };

    public static LineTotal Of(IReadOnlyList<string> keys, IReadOnlyList<(LineRow Line, AmountRow Amount)> rows)
    {
        static string Sum(IEnumerable<decimal?> values) =>
            values.Any(v => v.HasValue) ? Decimals.Format(values.Sum(v => v ?? 0), 2) : "";
        return new LineTotal
        {
            Keys = { keys },
            Appropriation = Decimals.Format(rows.Sum(r => r.Amount.Appropriation), 2),
            Cash = Sum(rows.Select(r => r.Amount.Cash)),
            Commitments = Sum(rows.Select(r => r.Amount.Commitments)),
            Payments = Sum(rows.Select(r => r.Amount.Payments)),
            Assessments = Sum(rows.Select(r => r.Amount.Assessments)),
            Collections = Sum(rows.Select(r => r.Amount.Collections)),
            LineCount = rows.Count,
        };
    }
}
