using Platform.Spreadsheets.Records;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using Google.Protobuf.WellKnownTypes;
using Platform.Indicators.V1;

namespace Platform.Launcher.Demo;

/// <summary>
/// The 44 impact indicators of the Cremona DUP 2023-2025 (section 1.3.3) with their targets and actuals for
/// 2020-2024, loaded through the public API from <c>data/demo/cremona-dup-2023-2025/indicators.csv</c>.
/// Self-contained so that tests can compile it in and load the same data the launcher does.
/// </summary>
public static partial class IndicatorsDemo
{
    public const string PlanName = "plans/dup-2023-2025";
    public const string DataFile = "data/demo/cremona-dup-2023-2025/indicators.csv";

    /// <summary>The waste indicator of objective 1.2 is computed from its variables through a real formula.</summary>
    public const string WasteIndicator = "1.2#1";
    public const string WasteFormula = "rd_kg / rsu_kg * 100";

    /// <summary>
    /// Zero actuals that the DUP prints but that are not measurements (MODEL.md R5): 2022-2024 not yet
    /// measured, not measurable, data not available. They are loaded without an actual.
    /// </summary>
    public static readonly IReadOnlySet<string> NotMeasured =
        new HashSet<string> { "zero_not_yet_measured", "zero_not_measurable", "zero_data_not_available" };

    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var path = FindDataFile();
        if (path is null)
        {
            Console.WriteLine($"Demo indicators skipped: {DataFile} not found above {AppContext.BaseDirectory}.");
            return 0;
        }
        var client = new IndicatorsService.IndicatorsServiceClient(gateway);
        return await LoadCremonaAsync(client, await File.ReadAllTextAsync(path, cancellationToken), cancellationToken);
    }

    /// <summary>Indicator id for a DUP indicator code: <c>1.2#1</c> becomes <c>dup-1-2-i1</c>.</summary>
    public static string IndicatorId(string code) => "dup-" + code.Replace('.', '-').Replace("#", "-i");

    /// <summary>
    /// Creates every indicator of the table with its periods; an indicator that already exists is left as it is.
    /// Returns the number of resources created.
    /// </summary>
    public static async Task<int> LoadCremonaAsync(IndicatorsService.IndicatorsServiceClient client, string csv,
        CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var rows in ReadCsv(csv).GroupBy(r => r["indicator_id"]))
        {
            var first = rows.First();
            var code = first["indicator_id"];
            var id = IndicatorId(code);
            var waste = code == WasteIndicator;
            var indicator = new Indicator
            {
                Title = Truncate(first["indicator_name"], 300),
                Description = first["formula"],
                Unit = waste || Regex.IsMatch(first["formula"], @"[*x]\s*100") ? "%" : "",
                Kind = Indicator.Types.Kind.Impact,
                Decimals = 2,
                Polarity = first["direction"] switch
                {
                    "lower_is_better" => Indicator.Types.Polarity.LowerIsBetter,
                    "binary_1_done_0_not_done" => Indicator.Types.Polarity.Binary,
                    _ => Indicator.Types.Polarity.HigherIsBetter,
                },
                Objectives = { $"{PlanName}/objectives/{first["strategic_objective_code"]}" },
                DataSource = "DUP 2023-2025 Comune di Cremona, sezione 1.3.3",
                Owner = first["political_owner_normalized"],
            };
            if (waste)
            {
                indicator.Formula = WasteFormula;
                indicator.Variables.Add(["rd_kg", "rsu_kg"]);
            }
            try
            {
                await client.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = id, Indicator = indicator },
                    cancellationToken: cancellationToken);
                created++;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
                continue;
            }
            foreach (var row in rows)
            {
                await client.UpdatePeriodAsync(PeriodRequest(id, row, waste), cancellationToken: cancellationToken);
                created++;
            }
        }
        return created;
    }

    /// <summary>The period of one table row: target, note, and the actual (or, for the waste indicator, its variables).</summary>
    public static UpdatePeriodRequest PeriodRequest(string indicatorId, IReadOnlyDictionary<string, string> row, bool waste)
    {
        var period = new Period
        {
            Name = $"indicators/{indicatorId}/periods/{row["year"]}",
            Target = row["target"],
            Note = row["note"],
        };
        var mask = new FieldMask { Paths = { "target", "note" } };
        if (!NotMeasured.Contains(row["actual_status"]))
        {
            var kilograms = waste ? Kilograms(row["note"]) : [];
            if (kilograms.Count >= 2)
            {
                period.Variables["rd_kg"] = kilograms[0];
                period.Variables["rsu_kg"] = kilograms[1];
                mask.Paths.Add("variables");
            }
            else
            {
                period.Actual = row["actual"];
                mask.Paths.Add("actual");
            }
        }
        return new UpdatePeriodRequest { Period = period, UpdateMask = mask, AllowMissing = true };
    }

    [GeneratedRegex(@"\d{1,3}(?:\.\d{3})+")]
    private static partial Regex ItalianThousands();

    /// <summary>The numbers written with thousands dots in a note (<c>25.952.148</c>), as plain digits.</summary>
    public static IReadOnlyList<string> Kilograms(string note) =>
        ItalianThousands().Matches(note).Select(m => m.Value.Replace(".", "")).ToList();

    public static string? FindDataFile() => DemoFiles.Find(DataFile);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>RFC 4180 records keyed by the header row (quoted fields, doubled quotes, line breaks in quotes).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string text) => CsvRecords.Read(new StringReader(text));
}
