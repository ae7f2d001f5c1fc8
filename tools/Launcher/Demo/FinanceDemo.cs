using Platform.Spreadsheets.Records;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Finance.V1;

namespace Platform.Launcher.Demo;

/// <summary>Demo budget of the Comune di Cremona: the DUP 2023-2025 balance tables, debt schedule and PNRR projects.</summary>
public static class FinanceDemo
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var directory = CremonaFinanceTables.FindDataDirectory();
        return await CremonaFinanceTables.LoadAsync(new FinanceService.FinanceServiceClient(gateway), directory, cancellationToken);
    }
}

/// <summary>
/// Reads the finance tables extracted from the Cremona DUP 2023-2025 (<c>data/demo/cremona-dup-2023-2025</c>)
/// and turns them into Finance API requests: the 2.1.7 balance tables as budget lines (Assestato 2022,
/// Previsione 2023-2025), the 2.1.4 debt schedule and the 2.1.6.1 PNRR financing table. Self-contained so the
/// Finance tests compile the same file.
/// </summary>
public static class CremonaFinanceTables
{
    public const string BudgetId = "bilancio-2023-2025";
    public const string DataFolder = "data/demo/cremona-dup-2023-2025";
    public const string CurrentTable = "2.1.7 Equilibrio di parte corrente";
    public const string CapitalTable = "2.1.7 Equilibrio di parte capitale";
    public const string DebtTable = "2.1.4 Andamento residuo debito e debito pro-capite";

    /// <summary>The DUP's four columns.</summary>
    public static readonly IReadOnlyList<(string Column, int Year, Stage Stage)> Columns =
    [
        ("Assestato 2022", 2022, Stage.Assestato),
        ("Previsione 2023", 2023, Stage.Previsione),
        ("Previsione 2024", 2024, Stage.Previsione),
        ("Previsione 2025", 2025, Stage.Previsione),
    ];

    /// <summary>Input rows of the balance tables: (table, printed label) to the line that carries them.</summary>
    private static readonly IReadOnlyList<(string Table, string Label, string LineId, Func<BudgetLine> Line)> InputRows =
    [
        (CurrentTable, "TITOLO 1: Entrate correnti tributarie, contributive e perequative", "entrate-t1", () => Revenue(1)),
        (CurrentTable, "TITOLO 2: Trasferimenti correnti", "entrate-t2", () => Revenue(2)),
        (CurrentTable, "TITOLO 3: Entrate extra-tributarie", "entrate-t3", () => Revenue(3)),
        (CurrentTable, "Fondo pluriennale vincolato per spese correnti", "fpv-corrente", () => Item(BalanceItem.FpvCurrent)),
        (CurrentTable, "Entrate di parte capitale destinate a spese correnti", "capitale-a-corrente", () => Item(BalanceItem.CapitalToCurrent)),
        (CurrentTable, "Avanzo di amministrazione", "avanzo-corrente", () => Item(BalanceItem.AvanzoCurrent)),
        (CurrentTable, "Entrate di parte corrente destinate a spese di investimento", "corrente-a-capitale", () => Item(BalanceItem.CurrentToCapital)),
        (CurrentTable, "TITOLO 1: Spese correnti", "spese-t1", () => Spending(1)),
        (CurrentTable, "TITOLO 4: Rimborso di prestiti", "spese-t4", () => Spending(4)),
        (CapitalTable, "TITOLO 4: Entrate in conto capitale", "entrate-t4", () => Revenue(4)),
        (CapitalTable, "TITOLO 5: Entrate da riduzione di attività finanziarie", "entrate-t5", () => Revenue(5)),
        (CapitalTable, "TITOLO 6: Accensione di prestiti", "entrate-t6", () => Revenue(6)),
        (CapitalTable, "Fondo pluriennale vincolato per spese in conto capitale", "fpv-capitale", () => Item(BalanceItem.FpvCapital)),
        (CapitalTable, "Avanzo di amministrazione", "avanzo-capitale", () => Item(BalanceItem.AvanzoCapital)),
        (CapitalTable, "Altre entrate per riduzione di attività finanziaria", "riduzione-attivita-finanziarie", () => Item(BalanceItem.FinancialAssetReduction)),
        (CapitalTable, "TITOLO 2: Spese in conto capitale", "spese-t2", () => Spending(2)),
        (CapitalTable, "TITOLO 3: Spese per incremento di attività finanziarie", "spese-t3", () => Spending(3)),
    ];

    /// <summary>Finds the data folder from the working directory or the program's folder upwards.</summary>
    public static string FindDataDirectory() =>
        DemoFiles.Find(DataFolder) ?? throw new DirectoryNotFoundException($"{DataFolder} not found above {Directory.GetCurrentDirectory()}");

    public static Budget Budget() => new()
    {
        Title = "Bilancio di previsione 2023-2025 - Comune di Cremona",
        FirstYear = 2023,
        LastYear = 2025,
        Stages = { Columns.Select(c => new BudgetStage { Year = c.Year, Stage = c.Stage }) },
    };

    /// <summary>Rows of finance.csv of one table.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FinanceRows(string directory, string table) =>
        ReadCsv(Path.Combine(directory, "finance.csv")).Where(r => r["table_name"] == table).ToList();

    /// <summary>The balance tables' input rows as budget lines, replacing every line of the budget.</summary>
    public static BatchUpsertBudgetLinesRequest BalanceLines(string directory, string budgetId = BudgetId)
    {
        var rows = FinanceRows(directory, CurrentTable).Concat(FinanceRows(directory, CapitalTable)).ToList();
        var request = new BatchUpsertBudgetLinesRequest { Parent = "budgets/" + budgetId, ReplaceAll = true };
        foreach (var input in InputRows)
        {
            var line = input.Line();
            line.Description = input.Label;
            foreach (var (column, year, stage) in Columns)
            {
                var cell = rows.Single(r => r["table_name"] == input.Table && r["row_label"] == input.Label && r["column_label"] == column);
                // Deductions are printed negative; lines carry the amount, the balance rules apply the sign.
                line.Amounts.Add(new LineAmount { Year = year, Stage = stage, Appropriation = cell["value"].TrimStart('-') });
            }
            request.Entries.Add(new BudgetLineEntry { LineId = input.LineId, Line = line });
        }
        return request;
    }

    public static DebtSchedule DebtSchedule(string directory, string budgetId = BudgetId)
    {
        var rows = FinanceRows(directory, DebtTable);
        string Cell(string label, int year) => rows.Single(r => r["row_label"] == label && r["column_label"] == year.ToString(CultureInfo.InvariantCulture))["value"];
        var schedule = new DebtSchedule { Name = $"budgets/{budgetId}/debtSchedule" };
        foreach (var year in rows.Select(r => int.Parse(r["column_label"], CultureInfo.InvariantCulture)).Distinct().Order())
            schedule.Years.Add(new DebtYear
            {
                Year = year,
                OpeningDebt = Cell("Residuo debito (+)", year),
                NewLoans = Cell("Nuovi prestiti (+)", year),
                Repayments = Cell("Prestiti rimborsati (-)", year),
                EarlyRepayments = Cell("Estinzioni anticipate (-)", year),
                OtherChanges = Cell("Altre variazioni +/-", year),
                ClosingDebt = Cell("Totale fine anno", year),
                Inhabitants = long.Parse(Cell("Nr. Abitanti al 31/12", year), CultureInfo.InvariantCulture),
            });
        return schedule;
    }

    /// <summary>
    /// The 41 rows of the PNRR financing table (2.1.6.1) as investments, with start, end, funding body and
    /// sector taken from the Regis list row they link to. Ids are <c>pnrr-{source line}</c>.
    /// </summary>
    public static ImportInvestmentsRequest PnrrProjects(string directory, bool lenient)
    {
        var rows = ReadCsv(Path.Combine(directory, "pnrr_projects.csv"));
        var listed = rows.Where(r => r["source_table"] != "financing_table_2_1_6_1")
            .GroupBy(r => "line " + r["source_line"]).ToDictionary(g => g.Key, g => g.First());
        var request = new ImportInvestmentsRequest { Lenient = lenient };
        foreach (var row in rows.Where(r => r["source_table"] == "financing_table_2_1_6_1"))
        {
            listed.TryGetValue(row["linked_list_row"], out var link);
            var investment = new Investment
            {
                Cup = row["cup"],
                Title = row["title"].Length > 1000 ? row["title"][..1000] : row["title"],
                PnrrMeasure = Measure(row["mission"], row["component"], row["investment"]),
                TotalCost = row["amount_total_eur"],
                Start = link?["start"] ?? "",
                End = link?["end"] ?? "",
                FundingBody = link?["funding_body"] ?? "",
                Sector = link?["sector"] ?? "",
                State = "IN_BUDGET",
            };
            foreach (var year in new[] { 2022, 2023, 2024 })
            {
                var contribution = row[$"contrib_{year}"];
                var cofinancing = row[$"cofin_comune_{year}"];
                if (contribution.Length > 0 || cofinancing.Length > 0)
                    investment.Years.Add(new InvestmentYear { Year = year, PnrrContribution = contribution, Cofinancing = cofinancing });
            }
            request.Investments.Add(new CreateInvestmentRequest { InvestmentId = "pnrr-" + row["source_line"], Investment = investment });
        }
        return request;
    }

    /// <summary><c>M5</c>, <c>M5C2</c>, <c>2.3.1</c> to <c>M5-C2-I2.3.1</c>; empty when the row has no measure.</summary>
    public static string Measure(string mission, string component, string investment) =>
        mission.Length == 0 || component.Length <= mission.Length || investment.Length == 0
            ? ""
            : $"{mission}-{component[mission.Length..]}-I{investment}";

    /// <summary>Creates the budget and, when it is new, its lines and debt schedule; then imports the PNRR projects (leniently).</summary>
    public static async Task<int> LoadAsync(FinanceService.FinanceServiceClient finance, string directory, CancellationToken ct)
    {
        var created = 0;
        try
        {
            await finance.CreateBudgetAsync(new CreateBudgetRequest { BudgetId = BudgetId, Budget = Budget() }, cancellationToken: ct);
            created++;
            created += (await finance.BatchUpsertBudgetLinesAsync(BalanceLines(directory), cancellationToken: ct)).Lines.Count;
            created += (await finance.UpdateDebtScheduleAsync(new UpdateDebtScheduleRequest { Schedule = DebtSchedule(directory) },
                cancellationToken: ct)).Years.Count;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Seeded on an earlier start.
        }
        try
        {
            created += (await finance.ImportInvestmentsAsync(PnrrProjects(directory, lenient: true), cancellationToken: ct)).Investments.Count;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Seeded on an earlier start.
        }
        return created;
    }

    private static BudgetLine Revenue(int titolo) => new() { Kind = BudgetLine.Types.Kind.Revenue, Titolo = titolo };
    private static BudgetLine Spending(int titolo) => new() { Kind = BudgetLine.Types.Kind.Spending, Titolo = titolo };
    private static BudgetLine Item(BalanceItem item) => new() { Kind = BudgetLine.Types.Kind.Balance, BalanceItem = item };

    /// <summary>RFC 4180 records keyed by the header (quoted fields, doubled quotes, line breaks in quotes).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string path) => CsvRecords.Read(path);
}
