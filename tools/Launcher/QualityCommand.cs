using Grpc.Core;
using Platform.Quality.V1;

namespace Platform.Launcher;

/// <summary>
/// <c>quality --plan P [--budget B ...]</c> and the client arguments: gathers the plan's
/// data-quality findings from the three services of a running platform and prints them as an Italian table.
/// Exit codes: 0 no error-level finding, 3 some, 1 the platform did not answer, 2 a command-line mistake.
/// </summary>
public static class QualityCommand
{
    public const string Usage = """
          dotnet run --project tools/Launcher -- quality --plan dup-2023-2025 [--budget bilancio-2023-2025 ...] [--grpc URL] [--token TOKEN | --tenant T] [--data-dir DIR]
              prints the data-quality findings of a plan from the three services of a running platform (every budget of the ente without --budget);
              exit code 3 when there are errors
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var client = new Imports.ClientArguments();
        string? plan = null;
        var budgets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (client.TryTake(args, ref i)) continue;
            var option = args[i];
            string Value() => i + 1 < args.Count && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
            switch (option)
            {
                case "--plan": plan = Value(); break;
                case "--budget": budgets.Add("budgets/" + Value()); break;
                default: throw new CommandLineException($"Unknown argument '{(option.Length <= 64 ? option : option[..64] + "…")}' for quality; see --help");
            }
        }
        if (plan is null) throw new CommandLineException("quality needs --plan");
        using var gateway = client.Connect();
        try
        {
            var report = await QualityGathering.GatherAsync(gateway.CreateCallInvoker(), "plans/" + plan, budgets,
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken));
            Console.Write(QualityTable.Format(report));
            return report.Count(Severity.Error) > 0 ? 3 : 0;
        }
        catch (RpcException ex)
        {
            await Console.Error.WriteLineAsync($"quality: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }
    }
}
