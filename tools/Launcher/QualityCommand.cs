using Grpc.Core;
using Grpc.Net.Client;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Security;

namespace Platform.Launcher;

/// <summary>
/// <c>quality --plan P [--budget B ...] [--tenant T] [--gateway URL] [--data-dir DIR]</c>: gathers the plan's
/// data-quality findings from the three services of a running platform and prints them as an Italian table.
/// Exit codes: 0 no error-level finding, 3 some, 1 the platform did not answer, 2 a command-line mistake.
/// </summary>
public static class QualityCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- quality --plan dup-2023-2025 [--budget bilancio-2023-2025 ...] [--tenant demo] [--gateway http://localhost:8081] [--data-dir DIR]
              prints the data-quality findings of a plan from the three services of a running platform (every budget of the ente without --budget)
        """;

    private sealed record Options(string Plan, List<string> Budgets, string Tenant, string Gateway, string DataDirectory);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync($"launcher quality: {ex.Message}");
            return 2;
        }
        var key = PlatformTokens.EnsureKeyFile(Path.GetFullPath(options.DataDirectory));
        var token = PlatformTokens.Create(key, "quality-report", options.Tenant, [Roles.Reader], TimeSpan.FromMinutes(10));
        using var channel = GrpcChannel.ForAddress(options.Gateway);
        var call = new CallOptions(new Metadata { { "authorization", "Bearer " + token } }, DateTime.UtcNow.AddSeconds(30));
        try
        {
            var report = await QualityGathering.GatherAsync(channel.CreateCallInvoker(), "plans/" + options.Plan, options.Budgets, call);
            Console.Write(QualityTable.Format(report));
            return report.Count(Severity.Error) > 0 ? 3 : 0;
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"launcher quality: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }

    private static Options Parse(string[] args)
    {
        var options = new Options("", [], "demo", "http://localhost:8081",
            Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data");
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Length && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
            options = option switch
            {
                "--plan" => options with { Plan = Value() },
                "--budget" => options with { Budgets = [.. options.Budgets, "budgets/" + Value()] },
                "--tenant" => options with { Tenant = Value() },
                "--gateway" => options with { Gateway = Value() },
                "--data-dir" => options with { DataDirectory = Value() },
                _ => throw new CommandLineException($"unknown argument '{(option.Length <= 64 ? option : option[..64] + "…")}'; usage:\n{Usage}"),
            };
        }
        return options.Plan.Length > 0 ? options : throw new CommandLineException($"--plan is required; usage:\n{Usage}");
    }
}
