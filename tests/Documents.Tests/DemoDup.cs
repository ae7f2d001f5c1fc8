using Platform.Launcher.Demo;

namespace Documents.Tests;

/// <summary>
/// The demo data of the Comune di Cremona (the DUP 2023-2025 with its indicators and budget, and the 2007 pact),
/// loaded through the services' APIs by the launcher's own demo loaders. The only place these tests depend on
/// the loaders: switching them (e.g. to the spreadsheet import) is a change here.
/// </summary>
public static class DemoDup
{
    public const string Plan = CremonaPlans.DupId;
    public const string Pact = CremonaPlans.PactId;
    public static readonly string DataDirectory = DemoFiles.Find("data/demo/cremona-dup-2023-2025") ?? throw new DirectoryNotFoundException("data/demo/cremona-dup-2023-2025");
    public static readonly string DemoDirectory = Path.GetDirectoryName(DataDirectory)!;

    public static async Task LoadAsync(PlatformHosts hosts, string tenant, CancellationToken ct) =>
        await DemoManifest.LoadAsync(service => service switch
        {
            "objectives" => hosts.Channel(hosts.Objectives, tenant),
            "indicators" => hosts.Channel(hosts.Indicators, tenant),
            _ => hosts.Channel(hosts.Finance, tenant),
        }, DemoManifest.Find()!, _ => { }, ct);

    /// <summary>Rows of the indicator tables of section 1.3 as extracted from the DUP.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> IndicatorRows() =>
        Platform.Spreadsheets.Records.CsvRecords.Read(Path.Combine(DataDirectory, "indicators.csv"));

    /// <summary>Zero actuals the DUP prints that are not measurements: the demo files leave them empty.</summary>
    public static bool Measured(IReadOnlyDictionary<string, string> row) =>
        row["actual_status"] is not ("zero_not_yet_measured" or "zero_not_measurable" or "zero_data_not_available");

    /// <summary>The waste indicator of objective 1.2 is computed from its variables.</summary>
    public static bool ComputedActual(IReadOnlyDictionary<string, string> row) => row["indicator_id"] == "1.2#1";

    /// <summary>The demo files' id of a DUP indicator: <c>1.2#1</c> is <c>indicators/dup-1-2-i1</c>.</summary>
    public static string IndicatorName(IReadOnlyDictionary<string, string> row) =>
        "indicators/dup-" + row["indicator_id"].Replace('.', '-').Replace("#", "-i");

    /// <summary>Rows of the extracted finance.csv of one table.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FinanceRows(string table) =>
        [.. Platform.Spreadsheets.Records.CsvRecords.Read(Path.Combine(DataDirectory, "finance.csv")).Where(r => r["table_name"] == table)];

    /// <summary>The four columns of the DUP's balance tables.</summary>
    public static readonly IReadOnlyList<(string Column, int Year, Stage Stage)> BalanceColumns =
    [
        ("Assestato 2022", 2022, Stage.Assestato),
        ("Previsione 2023", 2023, Stage.Previsione),
        ("Previsione 2024", 2024, Stage.Previsione),
        ("Previsione 2025", 2025, Stage.Previsione),
    ];
    public const string CurrentTable = "2.1.7 Equilibrio di parte corrente";
    public const string CapitalTable = "2.1.7 Equilibrio di parte capitale";
    public const string DebtTable = "2.1.4 Andamento residuo debito e debito pro-capite";

    /// <summary>A line of the DUP's text (1-based), as the source document prints it.</summary>
    public static string SourceLine(int line) =>
        File.ReadLines(Path.Combine(DemoDirectory, "sources", "dup-cremona-2023-2025.txt")).ElementAt(line - 1);
}
