using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Documents.V1;
using Platform.ServiceDefaults.Security;

namespace Platform.Launcher;

/// <summary>
/// <c>render</c>: asks the running platform's Documents service (through the gateway's gRPC port) for a document
/// of a plan and writes it to a file, with a token of the data directory's key for the ente.
/// </summary>
public static class RenderCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- render --plan P --document dup|relazione|monitoraggio|confronto --format html|docx|pdf --out FILE
              [--year N] [--version plans/P/versions/vN] [--budget budgets/B] [--tenant demo] [--grpc-port 8081] [--data-dir DIR]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>
        {
            ["--tenant"] = "demo", ["--grpc-port"] = "8081",
            ["--data-dir"] = Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data",
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal)) return Fail($"'{args[i]}' needs a value");
            options[args[i]] = args[i + 1];
        }
        if (!options.ContainsKey("--plan") || !options.ContainsKey("--out")) return Fail("--plan and --out are required");
        if (!int.TryParse(options["--grpc-port"], NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return Fail("--grpc-port takes a port");
        var year = options.TryGetValue("--year", out var y) && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;

        var key = PlatformTokens.EnsureKeyFile(Path.GetFullPath(options["--data-dir"]));
        var token = PlatformTokens.Create(key, "launcher-render", options["--tenant"], [Roles.Reader], TimeSpan.FromMinutes(10));
        using var channel = GrpcChannel.ForAddress($"http://localhost:{port}", new GrpcChannelOptions
        {
            // A whole DUP as PDF is a few megabytes, above gRPC's 4 MB default.
            MaxReceiveMessageSize = 256 * 1024 * 1024,
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {token}"); return Task.CompletedTask; })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        var plan = options["--plan"].StartsWith("plans/", StringComparison.Ordinal) ? options["--plan"] : "plans/" + options["--plan"];
        var watch = Stopwatch.StartNew();
        try
        {
            var body = await new DocumentsService.DocumentsServiceClient(channel).RenderDocumentAsync(new RenderDocumentRequest
            {
                Plan = plan, Document = options.GetValueOrDefault("--document", "dup"), Format = options.GetValueOrDefault("--format", "pdf"),
                Year = year, Version = options.GetValueOrDefault("--version", ""), Budget = options.GetValueOrDefault("--budget", ""),
            }, deadline: DateTime.UtcNow.AddMinutes(2));
            await File.WriteAllBytesAsync(options["--out"], body.Data.ToByteArray());
            Console.WriteLine($"{options["--out"]}: {body.Data.Length:N0} bytes ({body.ContentType}) in {watch.Elapsed.TotalSeconds:0.00} s");
            return 0;
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"launcher: render failed: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"launcher: {message}; see --help");
        return 2;
    }
}
