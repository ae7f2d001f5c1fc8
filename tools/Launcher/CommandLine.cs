namespace Platform.Launcher;

/// <summary>Launcher arguments; environment variables give the defaults.</summary>
public sealed record CommandLine(int RestPort, int GrpcPort, string DataDirectory, bool SeedDemo)
{
    public static CommandLine Parse(string[] args)
    {
        var result = new CommandLine(
            RestPort: 8080,
            GrpcPort: 8081,
            DataDirectory: Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } dir ? dir : "data",
            SeedDemo: true);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            result = args[i] switch
            {
                "--rest-port" => result with { RestPort = int.Parse(Value()) },
                "--grpc-port" => result with { GrpcPort = int.Parse(Value()) },
                "--data-dir" => result with { DataDirectory = Value() },
                "--no-demo" => result with { SeedDemo = false },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; use --rest-port, --grpc-port, --data-dir, --no-demo"),
            };
        }
        return result;
    }
}
