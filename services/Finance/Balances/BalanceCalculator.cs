namespace Platform.Finance.Balances;

/// <summary>Appropriations of one year and stage, summed by what the balance tables need.</summary>
public sealed record BalanceInputs(
    IReadOnlyDictionary<int, decimal> RevenueByTitolo,
    IReadOnlyDictionary<int, decimal> SpendingByTitolo,
    IReadOnlyDictionary<BalanceItem, decimal> Items)
{
    public decimal Revenue(int titolo) => RevenueByTitolo.GetValueOrDefault(titolo);
    public decimal Spending(int titolo) => SpendingByTitolo.GetValueOrDefault(titolo);
    public decimal Item(BalanceItem item) => Items.GetValueOrDefault(item);
}

/// <summary>
/// The equilibri di bilancio as DUP section 2.1.7 lays them out (the prospetto of D.Lgs. 118/2011).
/// Parte corrente: (E.T1 + E.T2 + E.T3) + (FPV corrente + entrate capitale destinate a spese correnti + avanzo
/// applicato alla parte corrente) − entrate correnti destinate a investimenti = S.T1 + S.T4.
/// Parte capitale: (E.T4 + E.T5 + E.T6) + (FPV capitale + entrate correnti destinate a investimenti + avanzo
/// applicato alla parte capitale) − (entrate capitale destinate a spese correnti + altre entrate per riduzione
/// di attività finanziaria) = S.T2 + S.T3. Each equilibrium is resources − spending and must be 0.00.
/// Cross-part transfers are stored once, positive, and appear with opposite signs in the two parts.
/// </summary>
public static class BalanceCalculator
{
    public static BalanceTable Current(BalanceInputs i)
    {
        var table = new Builder("corrente");
        var t1 = table.Input("revenue_title_1", "TITOLO 1: Entrate correnti tributarie, contributive e perequative", i.Revenue(1));
        var t2 = table.Input("revenue_title_2", "TITOLO 2: Trasferimenti correnti", i.Revenue(2));
        var t3 = table.Input("revenue_title_3", "TITOLO 3: Entrate extra-tributarie", i.Revenue(3));
        var revenue = table.Subtotal("total_current_revenue", "Totale entrate correnti", t1 + t2 + t3);
        var fpv = table.Input("fpv_current", "Fondo pluriennale vincolato per spese correnti", i.Item(BalanceItem.FpvCurrent));
        var fromCapital = table.Input("capital_to_current", "Entrate di parte capitale destinate a spese correnti", i.Item(BalanceItem.CapitalToCurrent));
        var avanzo = table.Input("avanzo_current", "Avanzo di amministrazione", i.Item(BalanceItem.AvanzoCurrent));
        var other = table.Subtotal("total_other_current", "Totale altre entrate destinate al finanziamento di spese correnti", fpv + fromCapital + avanzo);
        var toCapital = table.Input("current_to_capital", "Entrate di parte corrente destinate a spese di investimento", -i.Item(BalanceItem.CurrentToCapital));
        var deductions = table.Subtotal("total_current_deductions", "Totale entrate correnti destinate ad investimenti", toCapital);
        var resources = table.Total("total_current_resources", "Totale risorse per la gestione corrente", revenue + other + deductions);
        var s1 = table.Input("spending_title_1", "TITOLO 1: Spese correnti", i.Spending(1));
        var s4 = table.Input("spending_title_4", "TITOLO 4: Rimborso di prestiti", i.Spending(4));
        var spending = table.Total("total_current_spending", "Totale spese correnti", s1 + s4);
        return table.Equilibrium("EQUILIBRIO DI PARTE CORRENTE", resources, spending);
    }

    public static BalanceTable Capital(BalanceInputs i)
    {
        var table = new Builder("capitale");
        var t4 = table.Input("revenue_title_4", "TITOLO 4: Entrate in conto capitale", i.Revenue(4));
        var t5 = table.Input("revenue_title_5", "TITOLO 5: Entrate da riduzione di attività finanziarie", i.Revenue(5));
        var t6 = table.Input("revenue_title_6", "TITOLO 6: Accensione di prestiti", i.Revenue(6));
        var revenue = table.Subtotal("total_capital_revenue", "Totale entrate conto capitale", t4 + t5 + t6);
        var fpv = table.Input("fpv_capital", "Fondo pluriennale vincolato per spese in conto capitale", i.Item(BalanceItem.FpvCapital));
        var fromCurrent = table.Input("current_to_capital", "Entrate di parte corrente destinate a spese di investimento", i.Item(BalanceItem.CurrentToCapital));
        var avanzo = table.Input("avanzo_capital", "Avanzo di amministrazione", i.Item(BalanceItem.AvanzoCapital));
        var other = table.Subtotal("total_other_capital", "Totale altre entrate destinate al finanziamento di spese in c/capitale", fpv + fromCurrent + avanzo);
        var toCurrent = table.Input("capital_to_current", "Entrate di parte capitale destinate a spese correnti", -i.Item(BalanceItem.CapitalToCurrent));
        var assetReduction = table.Input("financial_asset_reduction", "Altre entrate per riduzione di attività finanziaria", -i.Item(BalanceItem.FinancialAssetReduction));
        // DUP 2.1.7 prints this subtotal as "Totale entrate correnti destinate ad investimenti": a label error.
        var deductions = table.Subtotal("total_capital_deductions", "Totale entrate in conto capitale destinate a spese correnti", toCurrent + assetReduction);
        var resources = table.Total("total_capital_resources", "Totale risorse per la gestione c/capitale", revenue + other + deductions);
        var s2 = table.Input("spending_title_2", "TITOLO 2: Spese in conto capitale", i.Spending(2));
        var s3 = table.Input("spending_title_3", "TITOLO 3: Spese per incremento di attività finanziarie", i.Spending(3));
        // DUP 2.1.7 prints this total as "Totale spese correnti": a label error.
        var spending = table.Total("total_capital_spending", "Totale spese in conto capitale", s2 + s3);
        return table.Equilibrium("EQUILIBRIO DI PARTE CAPITALE", resources, spending);
    }

    private sealed class Builder(string part)
    {
        private readonly BalanceTable _table = new() { Part = part };

        public decimal Input(string key, string label, decimal amount) => Add(key, label, amount, "input");
        public decimal Subtotal(string key, string label, decimal amount) => Add(key, label, amount, "subtotal");
        public decimal Total(string key, string label, decimal amount) => Add(key, label, amount, "total");

        private decimal Add(string key, string label, decimal amount, string role)
        {
            _table.Rows.Add(new BalanceRow { Key = key, Label = label, Amount = Decimals.Format(amount, 2), Role = role });
            return amount;
        }

        public BalanceTable Equilibrium(string label, decimal resources, decimal spending)
        {
            var equilibrium = resources - spending;
            Add("equilibrium", label, equilibrium, "equilibrium");
            _table.Equilibrium = Decimals.Format(equilibrium, 2);
            _table.Balanced = equilibrium == 0m;
            if (!_table.Balanced)
                _table.Failure = $"{label}: totale risorse {Decimals.Format(resources, 2)} − totale spese {Decimals.Format(spending, 2)} = " +
                    $"{Decimals.Format(equilibrium, 2)}; must be 0.00 (resources {(equilibrium > 0 ? "exceed" : "fall short of")} spending by {Decimals.Format(Math.Abs(equilibrium), 2)})";
            return _table;
        }
    }
}
