using Platform.Finance.Balances;

namespace Platform.Finance.Lines;

/// <summary>Questions answered from all the lines of one budget (a few hundred rows: summed in memory, exactly).</summary>
public sealed class Ledger(IReadOnlyList<LineRow> lines)
{
    public IReadOnlyList<LineRow> Lines { get; } = lines;

    public IEnumerable<(LineRow Line, AmountRow Amount)> At(int year, Stage stage) =>
        Lines.Select(l => (Line: l, Amount: l.AmountFor(year, stage)!)).Where(x => x.Amount is not null);

    public BalanceInputs BalanceInputs(int year, Stage stage)
    {
        var rows = At(year, stage).ToList();
        return new BalanceInputs(
            Sum(rows, BudgetLine.Types.Kind.Revenue, l => l.Titolo ?? 0),
            Sum(rows, BudgetLine.Types.Kind.Spending, l => l.Titolo ?? 0),
            rows.Where(r => r.Line.KindValue == BudgetLine.Types.Kind.Balance)
                .GroupBy(r => Enum.Parse<BalanceItem>(r.Line.BalanceItem!))
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.Appropriation)));
    }

    /// <summary>Spending appropriation of one titolo (or of every line matching <paramref name="filter"/>).</summary>
    public decimal Spending(int year, Stage stage, Func<LineRow, bool> filter) =>
        At(year, stage).Where(r => r.Line.KindValue == BudgetLine.Types.Kind.Spending && filter(r.Line)).Sum(r => r.Amount.Appropriation);

    public decimal Revenue(int year, Stage stage, Func<LineRow, bool> filter) =>
        At(year, stage).Where(r => r.Line.KindValue == BudgetLine.Types.Kind.Revenue && filter(r.Line)).Sum(r => r.Amount.Appropriation);

    /// <summary>Totals of the lines of one kind at a year and stage, overall and grouped by <paramref name="groupBy"/> levels.</summary>
    public SummarizeBudgetLinesResponse Summarize(BudgetLine.Types.Kind kind, int year, Stage stage, int titolo, string missionCode,
        IReadOnlyList<string> groupBy)
    {
        var rows = At(year, stage)
            .Where(r => r.Line.KindValue == kind)
            .Where(r => titolo == 0 || r.Line.Titolo == titolo)
            .Where(r => missionCode.Length == 0 || r.Line.MissionCode == missionCode)
            .ToList();
        var response = new SummarizeBudgetLinesResponse { GrandTotal = LineTotals.Of([], rows) };
        if (groupBy.Count == 0) return response;
        response.Totals.AddRange(rows
            .GroupBy(r => string.Join("\u001f", groupBy.Select(level => LineTotals.Level(r.Line, level))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => LineTotals.Of(groupBy.Select(level => LineTotals.Level(g.First().Line, level)).ToList(), g.ToList())));
        return response;
    }

    private static Dictionary<int, decimal> Sum(IEnumerable<(LineRow Line, AmountRow Amount)> rows, BudgetLine.Types.Kind kind,
        Func<LineRow, int> key) =>
        rows.Where(r => r.Line.KindValue == kind).GroupBy(r => key(r.Line)).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount.Appropriation));
}
