using Platform.Launcher.Demo;
using Platform.Spreadsheets.Records;

namespace Finance.Tests.Files;

/// <summary>What the Cremona DUP 2023-2025 prints (the extracted tables), to check the imported demo against.</summary>
public static class DupTables
{
    public const string BudgetId = "bilancio-2023-2025";
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

    public static string Extracted(string file) =>
        DemoFiles.Find($"data/demo/cremona-dup-2023-2025/{file}") ?? throw new FileNotFoundException(file);

    /// <summary>The demo in import format (what the launcher loads).</summary>
    public static string Import(string file) =>
        DemoFiles.Find($"data/demo/import/{BudgetId}/{file}") ?? throw new FileNotFoundException(file);

    /// <summary>Rows of finance.csv of one table.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FinanceRows(string table) =>
        CsvRecords.Read(Extracted("finance.csv")).Where(r => r["table_name"] == table).ToList();
}
