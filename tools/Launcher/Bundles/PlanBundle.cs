using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Launcher.Bundles;

/// <summary>
/// A whole plan in one JSON file, for backup and for moving a plan between installations (schema in
/// docs/BUNDLE.md). The plan's own fields are its proto JSON; everything under it is carried as the very files
/// each service exports and imports, so a bundle goes back in through the import path with the API's rules.
/// </summary>
public sealed record PlanBundle
{
    public const string FormatName = "platform.plan-bundle";
    public const int CurrentVersion = 1;

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    [JsonPropertyName("version")] public int Version { get; init; } = CurrentVersion;
    [JsonPropertyName("createTime")] public DateTimeOffset CreateTime { get; init; }
    /// <summary>The plan's resource name where it was exported from.</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    /// <summary>The plan's proto JSON (platform.objectives.v1.Plan), output-only fields included.</summary>
    [JsonPropertyName("plan")] public JsonElement Plan { get; init; }
    [JsonPropertyName("tables")] public IReadOnlyList<BundleTable> Tables { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static async Task<PlanBundle> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        var bundle = await JsonSerializer.DeserializeAsync<PlanBundle>(json, Options, cancellationToken)
            ?? throw new InvalidDataException("the file is not a plan bundle");
        if (bundle.Format != FormatName) throw new InvalidDataException($"the file is not a plan bundle (format '{bundle.Format}', expected '{FormatName}')");
        if (bundle.Version is < 1 or > CurrentVersion) throw new InvalidDataException($"bundle version {bundle.Version} is not supported (this launcher reads 1 to {CurrentVersion})");
        return bundle;
    }

    public Task WriteAsync(Stream json, CancellationToken cancellationToken) => JsonSerializer.SerializeAsync(json, this, Options, cancellationToken);
}

/// <summary>One kind's rows: the CSV its service exports (plain numbers), as text.</summary>
public sealed record BundleTable(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("csv")] string Csv);
