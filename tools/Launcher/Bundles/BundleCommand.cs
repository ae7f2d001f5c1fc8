using Grpc.Core;

namespace Platform.Launcher.Bundles;

/// <summary>
/// <c>launcher bundle export --plan plans/P --out FILE</c> and <c>launcher bundle import FILE [--plan-id ID]</c>:
/// a whole plan to one JSON file and back, against the running platform.
/// </summary>
public static class BundleCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- bundle export --plan plans/P --out FILE [--grpc URL] [--token TOKEN | --data-dir DIR]
          dotnet run --project tools/Launcher -- bundle import FILE [--plan-id ID] [--grpc URL] [--token TOKEN | --data-dir DIR]
              a whole plan (plan, objectives, progress reports, indicators with periods) to one JSON file and back
              into any ente (docs/BUNDLE.md); the import goes through each service's import with its rules
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var client = new Imports.ClientArguments();
        string? verb = args.Count > 0 ? args[0] : null, file = null, plan = null, output = null, planId = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (client.TryTake(args, ref i)) continue;
            var option = args[i];
            string Value() => i + 1 < args.Count && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
            switch (option)
            {
                case "--plan": plan = Value(); break;
                case "--out": output = Value(); break;
                case "--plan-id": planId = Value(); break;
                default:
                    if (option.StartsWith('-') || file is not null) throw new CommandLineException($"Unknown argument '{option}' for bundle; see --help");
                    file = option;
                    break;
            }
        }
        try
        {
            return verb switch
            {
                "export" => await ExportAsync(client, plan ?? throw new CommandLineException("bundle export needs --plan plans/P"),
                    output ?? throw new CommandLineException("bundle export needs --out FILE"), cancellationToken),
                "import" => await ImportAsync(client, file ?? throw new CommandLineException("bundle import needs the FILE"), planId, cancellationToken),
                _ => throw new CommandLineException("bundle takes export or import; see --help"),
            };
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"bundle: {ex.Status.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }

    private static async Task<int> ExportAsync(Imports.ClientArguments client, string plan, string output, CancellationToken cancellationToken)
    {
        using var gateway = client.Connect();
        var bundle = await PlanBundles.ExportAsync(gateway, plan, cancellationToken);
        await using (var file = File.Create(output)) await bundle.WriteAsync(file, cancellationToken);
        Console.WriteLine($"Esportato {plan} in {output}: {string.Join(", ", bundle.Tables.Select(t => $"{t.Kind} {t.Csv.Count(c => c == '\n') - 1}"))} righe.");
        return 0;
    }

    private static async Task<int> ImportAsync(Imports.ClientArguments client, string path, string? planId, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw new CommandLineException($"no file '{path}'");
        PlanBundle bundle;
        await using (var file = File.OpenRead(path))
        {
            try
            {
                bundle = await PlanBundle.ReadAsync(file, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync($"bundle: {path}: {ex.Message}");
                return 1;
            }
        }
        using var gateway = client.Connect();
        var id = planId ?? bundle.Source.Split('/')[^1];
        var results = await PlanBundles.ImportAsync(gateway, bundle, id, line => Console.WriteLine($"  {line}"), cancellationToken);
        foreach (var result in results) Imports.ImportCommand.Print(result);
        return results.All(r => r.Summary.Committed) ? 0 : 1;
    }
}
