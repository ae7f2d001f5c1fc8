using System.Diagnostics;
using System.Globalization;
using System.Text;
using Platform.Finance.V1;
using Platform.Imports.V1;
using Platform.Launcher.Imports;
using Platform.Spreadsheets.Records;

namespace Platform.Bench;

/// <summary>
/// The import of a 50,000-line budget file (issue 11): a generated CSV streamed through the gateway with the
/// launcher's <c>ImportFile</c> client and committed, each round into a new budget; lines/s and the Finance
/// process's peak RSS (sampled every 50 ms) during the import.
/// </summary>
public static class Import
{
    public const int Lines = 50_000;

    public static async Task RunAsync(BenchContext bench)
    {
        var csv = BudgetFile(Path.Combine(bench.System.Options.RepoRoot, "data", "reference", "missioni_programmi.csv"));
        var finance = new FinanceService.FinanceServiceClient(bench.Grpc);
        var pid = bench.Pid("finance");
        var before = ProcessStats.RssMegabytes(pid);
        var rates = new List<double>();
        var peaks = new List<double>();
        var perCpuSecond = new List<double>();
        for (var round = 0; round < bench.Settings.Rounds; round++)
        {
            var budgetId = $"bench-import-{round}-{DateTime.UtcNow:HHmmss}";
            await finance.CreateBudgetAsync(new CreateBudgetRequest
            {
                BudgetId = budgetId,
                Budget = new Budget { Title = "Bilancio di prova", FirstYear = 2023, LastYear = 2025, Stages = { new BudgetStage { Year = 2023, Stage = Stage.Previsione } } },
            });
            using var sampling = new CancellationTokenSource();
            var peak = 0.0;
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, ProcessStats.RssMegabytes(pid));
                    await Task.Delay(50);
                }
            });
            var cpu = ProcessStats.CpuSeconds(pid);
            var watch = Stopwatch.StartNew();
            await using var file = new MemoryStream(csv, writable: false);
            var result = await ImportClient.RunAsync(bench.Grpc, new ImportChunk
            {
                Parent = $"budgets/{budgetId}", Kind = "budget-lines", Mode = ImportMode.Commit, RequestId = budgetId, FileName = "bilancio.csv",
            }, file, progress: null, CancellationToken.None);
            watch.Stop();
            await sampling.CancelAsync();
            await sampler;
            if (!result.Summary.Committed)
                throw new InvalidOperationException($"the import was refused: {string.Join("; ", result.Problems.Take(3).Select(p => $"{p.Row} {p.Column} {p.Message}"))}");
            var written = result.Summary.WrittenByKind["budget-lines"];
            rates.Add(written / watch.Elapsed.TotalSeconds);
            perCpuSecond.Add(written / (ProcessStats.CpuSeconds(pid) - cpu));
            peaks.Add(peak);
            bench.SampleLoad();
        }
        bench.Line("## Import of a budget file through the gateway (streamed gRPC ImportFile, COMMIT)");
        bench.Line();
        bench.Line("| figure | rounds | value |");
        bench.Line("|---|---|---|");
        bench.Line($"| {Lines:N0}-line CSV ({csv.Length / 1024.0 / 1024.0:F1} MB), lines/s | {rates.Count} | {Stats.Spread(rates)} |");
        bench.Line($"| same, lines per CPU-second of the Finance process (robust to a busy machine) | {perCpuSecond.Count} | {Stats.Spread(perCpuSecond)} |");
        bench.Line($"| Finance peak RSS during the import, MB (before: {before:F0}) | {peaks.Count} | {Stats.Spread(peaks)} |");
        bench.Line();
    }

    /// <summary>
    /// <see cref="Lines"/> lines of one year, Italian CSV: spending by programme and macroaggregato of titolo 1
    /// (every national programme, 90 macroaggregati each), the rest revenue categorie of titoli 1-3.
    /// </summary>
    private static byte[] BudgetFile(string programmesCsv)
    {
        var programmes = CsvRecords.Read(programmesCsv).Where(r => r["regions_only"] == "no")
            .Select(r => (Mission: r["mission_code"], Programme: r["programme_code"])).ToList();
        var text = new StringBuilder("Codice riga;Tipo;Titolo;Tipologia;Categoria;Missione;Programma;Macroaggregato;Descrizione;Anno;Fase;Stanziamento\r\n");
        var spending = programmes.Count * 90;
        for (var k = 0; k < Lines; k++)
        {
            var amount = (1000 + k % 9000).ToString(CultureInfo.InvariantCulture) + "," + (k % 100).ToString("00", CultureInfo.InvariantCulture);
            if (k < spending)
            {
                var (mission, programme) = programmes[k % programmes.Count];
                text.Append(CultureInfo.InvariantCulture, $"s-{k};spesa;1;;;{mission};{programme};{101 + k / programmes.Count};Spesa di prova {k};2023;Previsione;{amount}\r\n");
            }
            else
            {
                var r = k - spending;
                var tipologia = $"{1 + r / 20000}0{1 + r / 10000 % 2}";
                text.Append(CultureInfo.InvariantCulture, $"e-{k};entrata;{tipologia[0]};{tipologia};{tipologia}{r % 10000:0000};;;;Entrata di prova {k};2023;Previsione;{amount}\r\n");
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
