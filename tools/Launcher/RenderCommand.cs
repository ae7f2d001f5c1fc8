using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Platform.Documents.V1;

namespace Platform.Launcher;

/// <summary>
/// <c>render</c>: asks the running platform's Documents service (through the gateway) for a document of a plan
/// and writes it to a file.
/// </summary>
public static class RenderCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- render --plan P --document dup|relazione|monitoraggio|confronto --format html|docx|pdf --out FILE
              [--year N] [--version plans/P/versions/vN] [--budget budgets/B] [--grpc URL] [--token TOKEN | --tenant T] [--data-dir DIR]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var client = new Imports.ClientArguments();
        var request = new RenderDocumentRequest { Document = "dup", Format = "pdf" };
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (client.TryTake(args, ref i)) continue;
            var option = args[i];
            string Value() => i + 1 < args.Count && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
            switch (option)
            {
                case "--plan": request.Plan = Value() is var plan && plan.StartsWith("plans/", StringComparison.Ordinal) ? plan : "plans/" + plan; break;
                case "--document": request.Document = Value(); break;
                case "--format": request.Format = Value(); break;
                case "--year":
                    request.Year = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year
                        : throw new CommandLineException("--year takes a year such as 2023");
                    break;
                case "--version": request.Version = Value(); break;
                case "--budget": request.Budget = Value(); break;
                case "--out": output = Value(); break;
                default: throw new CommandLineException($"Unknown argument '{(option.Length <= 64 ? option : option[..64] + "…")}' for render; see --help");
            }
        }
        if (request.Plan.Length == 0 || output is null) throw new CommandLineException("render needs --plan and --out");
        using var gateway = client.Connect();
        var watch = Stopwatch.StartNew();
        try
        {
            var body = await new DocumentsService.DocumentsServiceClient(gateway).RenderDocumentAsync(request,
                deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: cancellationToken);
            await File.WriteAllBytesAsync(output, body.Data.ToByteArray(), cancellationToken);
            Console.WriteLine($"{output}: {body.Data.Length.ToString("N0", CultureInfo.GetCultureInfo("it-IT"))} byte ({body.ContentType}) in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.GetCultureInfo("it-IT"))} s");
            return 0;
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"render: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }
}
