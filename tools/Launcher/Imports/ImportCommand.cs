using System.Globalization;
using Grpc.Core;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>
/// <c>launcher import FILE --kind K --parent P [--preview]</c>: sends a CSV or XLSX file to the running platform,
/// shows progress, lists the problems with their row and column, and says what was written. Exit codes: 0 done
/// (or a clean preview), 1 problems found or nothing written, 2 a command-line mistake.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- import FILE --kind KIND --parent PARENT [--preview] [--request-id ID]
              [--number-format it|plain] [--sheet NAME ...] [--grpc URL] [--token TOKEN | --data-dir DIR]
              previews (--preview) or commits a CSV/XLSX file through the gateway (default http://localhost:8081);
              the token defaults to $PLATFORM_TOKEN, then to DIR/dev-token of the running launcher
        """;

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public sealed record Options(string File, ImportChunk Header, Uri Gateway, string? Token, string DataDirectory);

    public static Options Parse(IReadOnlyList<string> args)
    {
        string? file = null, token = Environment.GetEnvironmentVariable("PLATFORM_TOKEN") is { Length: > 0 } t ? t : null;
        var dataDirectory = Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data";
        var gateway = new Uri("http://localhost:8081");
        var header = new ImportChunk { Mode = ImportMode.Commit };
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Count && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
            switch (option)
            {
                case "--kind": header.Kind = Value(); break;
                case "--parent": header.Parent = Value(); break;
                case "--preview": header.Mode = ImportMode.Preview; break;
                case "--request-id": header.RequestId = Value(); break;
                case "--sheet": header.Sheets.Add(Value()); break;
                case "--token": token = Value(); break;
                case "--data-dir": dataDirectory = Value(); break;
                case "--grpc":
                    gateway = Uri.TryCreate(Value(), UriKind.Absolute, out var uri) ? uri : throw new CommandLineException("--grpc takes a URL such as http://localhost:8081");
                    break;
                case "--number-format":
                    header.NumberFormat = Value() switch
                    {
                        "it" => NumberFormat.Italian,
                        "plain" => NumberFormat.Plain,
                        _ => throw new CommandLineException("--number-format takes it or plain"),
                    };
                    break;
                default:
                    if (option.StartsWith('-') || file is not null) throw new CommandLineException($"Unknown argument '{option}' for import; see --help");
                    file = option;
                    break;
            }
        }
        if (file is null) throw new CommandLineException("import needs the FILE to send");
        if (header.Kind.Length == 0) throw new CommandLineException($"import needs --kind: one of {string.Join(", ", ImportKinds.Names)}");
        if (ImportKinds.Find(header.Kind) is null) throw new CommandLineException($"--kind '{header.Kind}' is not one of {string.Join(", ", ImportKinds.Names)}");
        if (header.Parent.Length == 0) throw new CommandLineException("import needs --parent, e.g. plans/dup-2023-2025");
        header.FileName = Path.GetFileName(file);
        if (header.Mode == ImportMode.Commit && header.RequestId.Length == 0) header.RequestId = Guid.NewGuid().ToString();
        return new Options(file, header, gateway, token, dataDirectory);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = Parse(args);
        if (!File.Exists(options.File)) throw new CommandLineException($"no file '{options.File}'");
        var token = options.Token ?? ReadDevToken(options.DataDirectory);
        using var gateway = GatewayChannel.Create(options.Gateway, token);
        await using var file = File.OpenRead(options.File);
        var preview = options.Header.Mode == ImportMode.Preview;
        Console.WriteLine($"{(preview ? "Anteprima" : "Importazione")} di {options.Header.FileName} ({options.Header.Kind} in {options.Header.Parent})");
        var bar = ProgressBar.ForConsole();
        ImportResult result;
        try
        {
            result = await ImportClient.RunAsync(gateway, options.Header, file, bar.Report, cancellationToken);
        }
        catch (RpcException ex)
        {
            bar.Done();
            await Console.Error.WriteLineAsync($"import: {ex.Status.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
        bar.Done();
        Print(result);
        return result.Summary.ProblemCount == 0 && (preview || result.Summary.Committed) ? 0 : 1;
    }

    public static void Print(ImportResult result)
    {
        foreach (var p in result.Problems)
            Console.WriteLine($"  {Where(p)}: {p.Message}");
        var s = result.Summary;
        if (s.ProblemsTruncated) Console.WriteLine($"  ... e altri {(s.ProblemCount - result.Problems.Count).ToString("N0", Italian)} problemi");
        var written = string.Join(", ", s.WrittenByKind.Select(k => $"{k.Key} {k.Value.ToString("N0", Italian)}"));
        Console.WriteLine(s switch
        {
            { Replayed: true } => $"Già importato con la richiesta {s.RequestId}: nulla di nuovo scritto ({written}).",
            { Committed: true } => $"Importato: {s.RowsRead.ToString("N0", Italian)} righe lette, scritti {written}.",
            { ProblemCount: > 0 } => $"{s.ProblemCount.ToString("N0", Italian)} problemi in {s.RowsWithProblems.ToString("N0", Italian)} righe su {s.RowsRead.ToString("N0", Italian)}: nulla è stato scritto.",
            _ => $"Anteprima senza problemi: {s.RowsRead.ToString("N0", Italian)} righe, si scriverebbero {written}.",
        });
    }

    private static string Where(ImportProblem p) => string.Join(", ", new[]
    {
        p.Sheet.Length > 0 ? $"foglio «{p.Sheet}»" : null,
        p.Row > 0 ? $"riga {p.Row}" : "file",
        p.Column.Length > 0 ? $"colonna «{p.Column}»" : null,
        p.Value.Length > 0 ? $"valore «{p.Value}»" : null,
    }.Where(part => part is not null));

    private static string ReadDevToken(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "dev-token");
        return File.Exists(path) ? File.ReadAllText(path).Trim()
            : throw new CommandLineException($"no token: pass --token, set PLATFORM_TOKEN, or start the launcher (it writes {path})");
    }
}
