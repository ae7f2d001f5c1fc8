namespace Platform.Launcher.Imports;

/// <summary>
/// How a client command reaches the running platform: <c>--grpc URL</c> (default http://localhost:8081) and a
/// token from <c>--token</c>, else <c>$PLATFORM_TOKEN</c>, else one minted for <c>--tenant T</c> with the key of
/// <c>--data-dir</c> (default <c>$PLATFORM_DATA_DIR</c> or <c>./data</c>; a reader for ten minutes), else the
/// <c>dev-token</c> file the launcher writes there (the demo ente's admin).
/// </summary>
public sealed class ClientArguments
{
    public const string Usage = "[--grpc URL] [--token TOKEN | --tenant T] [--data-dir DIR]";

    private string? tenant;

    private string? token = Environment.GetEnvironmentVariable("PLATFORM_TOKEN") is { Length: > 0 } t ? t : null;
    private string dataDirectory = Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data";

    public Uri Gateway { get; private set; } = new("http://localhost:8081");

    /// <summary>Takes the option at <paramref name="args"/>[i] (and its value) if it is one of these; false otherwise.</summary>
    public bool TryTake(IReadOnlyList<string> args, ref int i)
    {
        var option = args[i];
        if (option is not ("--grpc" or "--token" or "--tenant" or "--data-dir")) return false;
        var value = i + 1 < args.Count && args[i + 1].Trim().Length > 0 ? args[++i] : throw new CommandLineException($"{option} needs a value");
        switch (option)
        {
            case "--grpc":
                Gateway = Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new CommandLineException("--grpc takes a URL such as http://localhost:8081");
                break;
            case "--token": token = value; break;
            case "--tenant":
                tenant = Names.ResourceIds.IsValid(value) ? value : throw new CommandLineException($"--tenant '{value}' {Names.ResourceIds.Rule}");
                break;
            default: dataDirectory = value; break;
        }
        return true;
    }

    public string Token()
    {
        if (token is not null) return token;
        if (tenant is not null)
        {
            var key = ServiceDefaults.Security.PlatformTokens.EnsureKeyFile(Path.GetFullPath(dataDirectory));
            return ServiceDefaults.Security.PlatformTokens.Create(key, "launcher", tenant, [ServiceDefaults.Security.Roles.Reader], TimeSpan.FromMinutes(10));
        }
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "dev-token");
        return File.Exists(path) ? File.ReadAllText(path).Trim()
            : throw new CommandLineException($"no token: pass --token, set PLATFORM_TOKEN, or start the launcher (it writes {path})");
    }

    public Grpc.Net.Client.GrpcChannel Connect() => GatewayChannel.Create(Gateway, Token());
}
