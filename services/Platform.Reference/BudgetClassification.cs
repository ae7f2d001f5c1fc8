using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Spreadsheets.Records;

namespace Platform.Reference;

/// <summary>A spending programme (<c>9.03</c>) inside its mission (<c>9</c>).</summary>
public sealed record Programme(string Code, string MissionCode, string Name, bool RegionsOnly);

/// <summary>
/// The harmonised budget classification of D.Lgs. 118/2011 (Allegato 14): spending missions and programmes,
/// revenue and spending titles. Codes as the DUP prints them: mission <c>9</c>, programme <c>9.03</c>.
/// Shipped with the code (data/reference), so validation never needs the network.
/// </summary>
public sealed partial class BudgetClassification
{
    public static BudgetClassification National { get; } = Load();

    public IReadOnlyDictionary<string, string> Missions { get; }
    public IReadOnlyDictionary<string, Programme> Programmes { get; }
    /// <summary>Revenue titles (entrate) by code.</summary>
    public IReadOnlyDictionary<int, string> RevenueTitles { get; }
    /// <summary>Spending titles (spese) by code.</summary>
    public IReadOnlyDictionary<int, string> SpendingTitles { get; }

    private BudgetClassification(IReadOnlyDictionary<string, string> missions, IReadOnlyDictionary<string, Programme> programmes,
        IReadOnlyDictionary<int, string> revenueTitles, IReadOnlyDictionary<int, string> spendingTitles)
    {
        Missions = missions;
        Programmes = programmes;
        RevenueTitles = revenueTitles;
        SpendingTitles = spendingTitles;
    }

    public bool IsMission(string? code) => code is not null && Missions.ContainsKey(code);

    public bool IsProgramme(string? code) => code is not null && Programmes.ContainsKey(code);

    /// <summary>True when <paramref name="programme"/> exists and belongs to <paramref name="mission"/>.</summary>
    public bool ProgrammeBelongsTo(string programme, string mission) =>
        Programmes.TryGetValue(programme, out var p) && p.MissionCode == mission;

    /// <summary>
    /// A mission code as the national schemes print it (<c>09</c>) in the form used here (<c>9</c>); any other
    /// text unchanged, for validation to refuse.
    /// </summary>
    public static string NormaliseMission(string code) =>
        MissionForm().IsMatch(code) ? Number(code) : code;

    /// <summary>
    /// A programme code as the national schemes print it (<c>0903</c>, <c>09.03</c>) in the form used here
    /// (<c>9.03</c>); any other text unchanged, for validation to refuse.
    /// </summary>
    public static string NormaliseProgramme(string code) =>
        ProgrammeForm().Match(code) is { Success: true } m ? $"{Number(m.Groups[1].Value)}.{m.Groups[2].Value}" : code;

    /// <summary>Normalises every code of a repeated field in place.</summary>
    public static void Normalise(IList<string> codes, Func<string, string> normalise)
    {
        for (var i = 0; i < codes.Count; i++) codes[i] = normalise(codes[i]);
    }

    private static string Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex MissionForm();

    [GeneratedRegex(@"^(\d{1,2})\.?(\d{2})$")]
    private static partial Regex ProgrammeForm();

    private static BudgetClassification Load()
    {
        var missions = new Dictionary<string, string>();
        var programmes = new Dictionary<string, Programme>();
        foreach (var row in Read("missioni_programmi.csv"))
        {
            missions[row["mission_code"]] = row["mission_name"];
            programmes[row["programme_code"]] = new Programme(row["programme_code"], row["mission_code"],
                row["programme_name"], row["regions_only"] == "yes");
        }
        var revenue = new Dictionary<int, string>();
        var spending = new Dictionary<int, string>();
        foreach (var row in Read("titoli.csv"))
            (row["side"] == "entrate" ? revenue : spending)[int.Parse(row["titolo"])] = row["name"];
        return new BudgetClassification(missions, programmes, revenue, spending);
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string file)
    {
        using var stream = typeof(BudgetClassification).Assembly.GetManifestResourceStream("reference/" + file)
            ?? throw new InvalidOperationException($"Reference table {file} is not embedded");
        using var reader = new StreamReader(stream);
        return CsvRecords.Read(reader);
    }
}
