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
    public static readonly string DataDirectory = CremonaFinanceTables.FindDataDirectory();
    public static readonly string DemoDirectory = Path.GetDirectoryName(DataDirectory)!;

    public static async Task LoadAsync(PlatformHosts hosts, string tenant, CancellationToken ct)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(hosts.Channel(hosts.Objectives, tenant));
        await CremonaPlans.LoadAsync(objectives, CremonaPlans.Dup(DemoDirectory), ct);
        await CremonaPlans.LoadAsync(objectives, CremonaPlans.Pact(DemoDirectory), ct);
        var indicators = new IndicatorsService.IndicatorsServiceClient(hosts.Channel(hosts.Indicators, tenant));
        await IndicatorsDemo.LoadCremonaAsync(indicators, await File.ReadAllTextAsync(IndicatorsDemo.FindDataFile()!, ct), ct);
        await CremonaFinanceTables.LoadAsync(new FinanceService.FinanceServiceClient(hosts.Channel(hosts.Finance, tenant)), DataDirectory, ct);
    }

    /// <summary>Rows of the indicator tables of section 1.3 as extracted from the DUP.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> IndicatorRows() =>
        IndicatorsDemo.ReadCsv(File.ReadAllText(IndicatorsDemo.FindDataFile()!));

    public static bool Measured(IReadOnlyDictionary<string, string> row) => !IndicatorsDemo.NotMeasured.Contains(row["actual_status"]);

    public static bool ComputedActual(IReadOnlyDictionary<string, string> row) => row["indicator_id"] == IndicatorsDemo.WasteIndicator;

    public static string IndicatorName(IReadOnlyDictionary<string, string> row) => "indicators/" + IndicatorsDemo.IndicatorId(row["indicator_id"]);

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FinanceRows(string table) => CremonaFinanceTables.FinanceRows(DataDirectory, table);

    public static IReadOnlyList<(string Column, int Year, Stage Stage)> BalanceColumns => CremonaFinanceTables.Columns;
    public const string CurrentTable = CremonaFinanceTables.CurrentTable;
    public const string CapitalTable = CremonaFinanceTables.CapitalTable;
    public const string DebtTable = CremonaFinanceTables.DebtTable;

    /// <summary>A line of the DUP's text (1-based), as the source document prints it.</summary>
    public static string SourceLine(int line) =>
        File.ReadLines(Path.Combine(DemoDirectory, "sources", "dup-cremona-2023-2025.txt")).ElementAt(line - 1);
}
