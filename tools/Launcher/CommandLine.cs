namespace Platform.Launcher;

/// <summary>
/// Launcher arguments; environment variables give the defaults.
/// <c>[--rest-port N] [--grpc-port N] [--data-dir DIR] [--no-demo] [--replicas service=N ...]</c> starts the
/// system; <c>token --tenant T --subject S --role R [--role R2] [--hours H]</c> prints a token instead.
/// </summary>
public sealed record CommandLine(int RestPort, int GrpcPort, string DataDirectory, bool SeedDemo,
    IReadOnlyDictionary<string, int> Replicas, TokenRequest? Token)
{
    public static CommandLine Parse(string[] args)
    {
        var result = new CommandLine(
            RestPort: 8080,
            GrpcPort: 8081,
            DataDirectory: Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data",
            SeedDemo: true,
            Replicas: new Dictionary<string, int>(),
            Token: null);
        var start = 0;
        if (args.Length > 0 && args[0] == "token")
        {
            result = result with { Token = new TokenRequest("demo", "admin", [], 8) };
            start = 1;
        }
        for (var i = start; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            result = (args[i], result.Token) switch
            {
                ("--data-dir", _) => result with { DataDirectory = Value() },
                ("--tenant", { } t) => result with { Token = t with { Tenant = Value() } },
                ("--subject", { } t) => result with { Token = t with { Subject = Value() } },
                ("--role", { } t) => result with { Token = t with { Roles = [.. t.Roles, Value()] } },
                ("--hours", { } t) => result with { Token = t with { Hours = int.Parse(Value()) } },
                ("--rest-port", null) => result with { RestPort = int.Parse(Value()) },
                ("--grpc-port", null) => result with { GrpcPort = int.Parse(Value()) },
                ("--no-demo", null) => result with { SeedDemo = false },
                ("--replicas", null) => result with { Replicas = WithReplicas(result.Replicas, Value()) },
                _ => throw new ArgumentException(
                    $"Unknown argument {args[i]}. Start: --rest-port, --grpc-port, --data-dir, --no-demo, --replicas service=N. " +
                    "Token: token --tenant T --subject S --role R [--hours H] [--data-dir DIR]"),
            };
        }
        return result;
    }

    private static Dictionary<string, int> WithReplicas(IReadOnlyDictionary<string, int> current, string value)
    {
        var parts = value.Split('=');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var count) || count < 1 || count > 8)
            throw new ArgumentException($"--replicas takes service=N with N from 1 to 8, not '{value}'");
        return new Dictionary<string, int>(current) { [parts[0]] = count };
    }
}

/// <summary>A token to mint: for which ente, which subject, which roles, valid how long.</summary>
public sealed record TokenRequest(string Tenant, string Subject, IReadOnlyList<string> Roles, int Hours);
