using System.Diagnostics;
using Platform.Documents.V1;
using Platform.Launcher.Demo;

namespace Platform.Bench;

/// <summary>
/// Seconds to render the whole demo DUP (every section, 175 operational objective cards, the finance tables)
/// through the gateway, in each format and in all three one after the other (goal: all three under 10 s).
/// </summary>
public static class DocumentRender
{
    private static readonly string[] Formats = ["html", "docx", "pdf"];

    public static async Task RunAsync(BenchContext bench)
    {
        var documents = new DocumentsService.DocumentsServiceClient(bench.Grpc);
        async Task<(double Seconds, int Bytes)> RenderAsync(string format)
        {
            var watch = Stopwatch.StartNew();
            var body = await documents.RenderDocumentAsync(new RenderDocumentRequest
            {
                Plan = $"plans/{CremonaPlans.DupId}", Document = "dup", Format = format,
            }, deadline: DateTime.UtcNow.AddMinutes(2));
            return (watch.Elapsed.TotalSeconds, body.Data.Length);
        }

        foreach (var format in Formats) await RenderAsync(format);
        var seconds = Formats.ToDictionary(f => f, _ => new List<double>());
        var bytes = new Dictionary<string, int>();
        var all = new List<double>();
        for (var round = 0; round < bench.Settings.Rounds; round++)
        {
            var total = 0.0;
            foreach (var format in Formats)
            {
                var (s, size) = await RenderAsync(format);
                seconds[format].Add(s);
                bytes[format] = size;
                total += s;
            }
            all.Add(total);
        }
        bench.SampleLoad();
        bench.Line("## Documents (whole demo DUP through the gateway, one at a time)");
        bench.Line();
        bench.Line("| format | seconds | size |");
        bench.Line("|---|---|---|");
        foreach (var format in Formats)
            bench.Line($"| {format} | {Stats.Spread(seconds[format], "N2")} | {bytes[format] / 1024:N0} KB |");
        bench.Line($"| all three | {Stats.Spread(all, "N2")} | goal under 10 s |");
        bench.Line();
    }
}
