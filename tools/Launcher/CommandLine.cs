using Platform.Names;
using System.Globalization;
using Platform.ServiceDefaults.Api;

namespace Platform.Launcher;

/// <summary>
/// Launcher arguments; environment variables give the defaults. A mistake is a <see cref="CommandLineException"/>
/// (one line, exit code 2); <c>--help</c> asks for <see cref="Usage"/>.
/// </summary>
public sealed record CommandLine(int RestPort, int GrpcPort, string DataDirectory, bool SeedDemo,
    IReadOnlyDictionary<string, int> Replicas, TokenRequest? Token, bool Help = false)
{
    public const string Usage = """
        Usage:
          dotnet run --project tools/Launcher -- [--rest-port N] [--grpc-port N] [--data-dir DIR] [--no-demo] [--replicas service=N ...]
              starts the platform (defaults: ports 8080 and 8081, data dir $PLATFORM_DATA_DIR or ./data)
          dotnet run --project tools/Launcher -- token [--data-dir DIR] [--tenant T] [--subject S] [--role R ...] [--hours H]
              prints a token signed with the key of DIR (defaults: tenant demo, subject admin, role reader, 8 hours)
        """;

    /// <summary>The longest token lifetime the launcher mints: one year.</summary>
    public const double MaxHours = 24 * 366;

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
            var option = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new CommandLineException($"{option} needs a value");
            result = (option, result.Token) switch
            {
                ("--help" or "-h", _) => result with { Help = true },
                ("--data-dir", _) => result with { DataDirectory = NonEmpty(option, Value()) },
                ("--tenant", { } t) => result with { Token = t with { Tenant = Tenant(Value()) } },
                ("--subject", { } t) => result with { Token = t with { Subject = NonEmpty(option, Value()) } },
                ("--role", { } t) => result with { Token = t with { Roles = [.. t.Roles, NonEmpty(option, Value())] } },
                ("--hours", { } t) => result with { Token = t with { Hours = Hours(Value()) } },
                ("--rest-port", null) => result with { RestPort = Port(option, Value()) },
                ("--grpc-port", null) => result with { GrpcPort = Port(option, Value()) },
                ("--no-demo", null) => result with { SeedDemo = false },
                ("--replicas", null) => result with { Replicas = WithReplicas(result.Replicas, Value()) },
                _ => throw new CommandLineException(
                    $"Unknown argument '{Shown(option)}'{(result.Token is null ? "" : " for token")}; see --help"),
            };
        }
        if (result.Token is null && result.RestPort == result.GrpcPort)
            throw new CommandLineException($"--rest-port and --grpc-port must differ (both are {result.RestPort})");
        return result;
    }

    private static string NonEmpty(string option, string value) =>
        value.Trim().Length > 0 ? value : throw new CommandLineException($"{option} needs a non-empty value");

    private static string Tenant(string value) => ResourceIds.IsValid(value) ? value
        : throw new CommandLineException($"--tenant '{Shown(value)}' {ResourceIds.Rule}");

    private static int Port(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port
            : throw new CommandLineException($"{option} takes a port from 1 to 65535, not '{Shown(value)}'");

    private static double Hours(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
        && hours > 0 && hours <= MaxHours && TimeSpan.FromHours(hours) >= TimeSpan.FromSeconds(1) ? hours
            : throw new CommandLineException($"--hours takes a number of hours above 0 and up to {MaxHours} (e.g. 8 or 0.5), not '{Shown(value)}'");

    private static Dictionary<string, int> WithReplicas(IReadOnlyDictionary<string, int> current, string value)
    {
        var parts = value.Split('=');
        var services = PlatformSystem.Services.Select(s => s.Name).ToList();
        if (parts.Length != 2 || !services.Contains(parts[0]) || !int.TryParse(parts[1], out var count) || count < 1 || count > 8)
            throw new CommandLineException(
                $"--replicas takes service=N with service one of {string.Join(", ", services)} and N from 1 to 8, not '{Shown(value)}'");
        return new Dictionary<string, int>(current) { [parts[0]] = count };
    }

    /// <summary>An argument as echoed in a message: at most 64 characters.</summary>
    private static string Shown(string value) => value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>A token to mint: for which ente, which subject, which roles, valid how long.</summary>
public sealed record TokenRequest(string Tenant, string Subject, IReadOnlyList<string> Roles, double Hours);

/// <summary>A command-line mistake: printed as one line on stderr, exit code 2.</summary>
public sealed class CommandLineException(string message) : Exception(message);
