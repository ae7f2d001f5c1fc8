using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>The DUP's financial sections as Finance computes them: 2.1.4 debt, 2.1.6 PNRR, 2.1.7 equilibri.</summary>
public static class FinanceSections
{
    public const string CurrentCaption = "Equilibrio di parte corrente";
    public const string CapitalCaption = "Equilibrio di parte capitale";
    public const string DebtCaption = "Andamento del residuo debito e debito pro capite";
    public const string PnrrCaption = "Interventi finanziati dal PNRR";
    public const string PnrrMissionsCaption = "Totali PNRR per missione";

    public static IEnumerable<Block> Debt(FinanceData finance)
    {
        if (finance.Debt is not { } debt) yield break;
        yield return new Heading(2, "2.1.4 Indebitamento", "s-2-1-4");
        yield return new Table(DebtCaption,
            ["Anno", "Residuo debito", "Nuovi prestiti", "Prestiti rimborsati", "Estinzioni anticipate", "Altre variazioni", "Totale fine anno", "Abitanti", "Debito medio per abitante"],
            debt.Years.OrderBy(y => y.Year).Select(y => new Row([
                y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Italian.Amount(y.OpeningDebt), Italian.Amount(y.NewLoans),
                Italian.Amount(y.Repayments), Italian.Amount(y.EarlyRepayments), Italian.Amount(y.OtherChanges), Italian.Amount(y.ClosingDebt),
                y.Inhabitants > 0 ? Italian.Integer(y.Inhabitants) : "—", Italian.Amount(y.DebtPerInhabitant)])).ToList(),
            new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 });
        if (Charts.Debt(debt) is { } chart) yield return chart;
        foreach (var issue in debt.Issues)
            yield return new Paragraph($"{issue.Year}: {issue.Message}", "Verifica");
    }

    public static IEnumerable<Block> Pnrr(FinanceData finance)
    {
        // Every investment of the ente, as the financing table lists them and as the service's totals sum them.
        var pnrr = finance.Investments;
        if (pnrr.Count == 0) yield break;
        yield return new Heading(2, "2.1.6 Investimenti finanziati dal PNRR", "s-2-1-6");
        yield return new Table(PnrrCaption, ["CUP", "Intervento", "Misura PNRR", "Costo totale", "Contributo PNRR", "Cofinanziamento", "Inizio", "Fine", "Soggetto finanziatore"],
            pnrr.Select(i => new Row([Italian.OrDash(i.Cup), i.Title, Italian.OrDash(i.PnrrMeasure), Italian.Amount(i.TotalCost), Italian.Amount(i.TotalPnrrContribution),
                Italian.Amount(i.TotalCofinancing), Italian.OrDash(i.Start), Italian.OrDash(i.End), Italian.OrDash(i.FundingBody)])).ToList(),
            new HashSet<int> { 3, 4, 5 });
        var totals = finance.InvestmentTotals;
        var rows = totals.Missions.Select(m => new Row([m.PnrrMission, Italian.Integer(m.Count), Italian.Amount(m.TotalCost), Italian.Amount(m.PnrrContribution), Italian.Amount(m.Cofinancing)])).ToList();
        if (totals.GrandTotal is { } total)
            rows.Add(new Row(["Totale", Italian.Integer(total.Count), Italian.Amount(total.TotalCost), Italian.Amount(total.PnrrContribution), Italian.Amount(total.Cofinancing)], Total: true));
        yield return new Table(PnrrMissionsCaption, ["Missione", "Interventi", "Costo totale", "Contributo PNRR", "Cofinanziamento"], rows, new HashSet<int> { 1, 2, 3, 4 });
    }

    public static IEnumerable<Block> Balances(FinanceData finance)
    {
        if (finance.Balances.Count == 0) yield break;
        yield return new PageBreak();
        yield return new Heading(2, "2.1.7 Gli equilibri di bilancio", "s-2-1-7");
        yield return BalanceTable(finance, CurrentCaption, b => b.Current);
        yield return BalanceTable(finance, CapitalCaption, b => b.Capital);
        foreach (var failure in finance.Balances.SelectMany(b => new[] { b.Current, b.Capital }).Where(t => t is { Balanced: false }))
            yield return new Paragraph(failure.Failure, "Equilibrio non rispettato");
    }

    /// <summary>One row per balance row of the first column, one column per (year, stage), as the DUP lays them out.</summary>
    private static Table BalanceTable(FinanceData finance, string caption, Func<BudgetBalances, BalanceTable> part)
    {
        var columns = finance.Balances;
        var rows = part(columns[0]).Rows.Select(row => new Row(
            [row.Label, .. columns.Select(c => Italian.Amount(part(c).Rows.FirstOrDefault(r => r.Key == row.Key)?.Amount))],
            Total: row.Role is "total" or "equilibrium")).ToList();
        return new Table(caption, ["Voce", .. columns.Select(c => Italian.Stage(c.Stage, c.Year))], rows,
            Enumerable.Range(1, columns.Count).ToHashSet());
    }
}
