using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// The comments of the contracts' .proto files, by full name of what they describe (<c>pkg.Message</c>,
/// <c>pkg.Message.field</c>, <c>pkg.Service.Method</c>, <c>pkg.Enum.VALUE</c>), read from the descriptor set
/// with source info that the build embeds (the C# descriptors carry none).
/// </summary>
public sealed partial class ProtoComments
{
    // Field numbers in descriptor.proto, as source-info paths use them.
    private const int FileMessages = 4, FileEnums = 5, FileServices = 6;
    private const int MessageFields = 2, MessageNested = 3, MessageEnums = 4, EnumValues = 2, ServiceMethods = 2;

    private readonly Dictionary<string, string> _comments = new();

    public static ProtoComments Embedded { get; } = Load();

    public string? For(string fullName) => _comments.GetValueOrDefault(fullName);

    /// <summary>A comment's sentences that say the field is set by the service (AIP's "Output only").</summary>
    public static bool SaysOutputOnly(string? comment) => comment is not null && OutputOnly().IsMatch(comment);

    public static bool SaysRequired(string? comment) => comment is not null && Required().IsMatch(comment);

    /// <summary>The example a comment gives: "e.g. <c>`dup-2023-2025`</c>" or "e.g. "12"".</summary>
    public static string? Example(string? comment) =>
        comment is not null && ExampleInComment().Match(comment) is { Success: true } m ? m.Groups["value"].Value : null;

    private static ProtoComments Load()
    {
        var comments = new ProtoComments();
        using var stream = typeof(ProtoComments).Assembly.GetManifestResourceStream("platform-protos.pb");
        if (stream is null) return comments;
        foreach (var file in FileDescriptorSet.Parser.ParseFrom(stream).File)
        {
            var byPath = (file.SourceCodeInfo?.Location ?? [])
                .Where(l => !string.IsNullOrWhiteSpace(l.LeadingComments))
                .GroupBy(l => string.Join(',', l.Path))
                .ToDictionary(g => g.Key, g => Clean(g.First().LeadingComments));
            var prefix = string.IsNullOrEmpty(file.Package) ? "" : file.Package + ".";
            for (var i = 0; i < file.MessageType.Count; i++) comments.AddMessage(byPath, file.MessageType[i], prefix, [FileMessages, i]);
            for (var i = 0; i < file.EnumType.Count; i++) comments.AddEnum(byPath, file.EnumType[i], prefix, [FileEnums, i]);
            for (var i = 0; i < file.Service.Count; i++)
            {
                var service = file.Service[i];
                int[] path = [FileServices, i];
                comments.Add(byPath, prefix + service.Name, path);
                for (var m = 0; m < service.Method.Count; m++)
                    comments.Add(byPath, $"{prefix}{service.Name}.{service.Method[m].Name}", [.. path, ServiceMethods, m]);
            }
        }
        return comments;
    }

    private void AddMessage(Dictionary<string, string> byPath, DescriptorProto message, string prefix, int[] path)
    {
        var name = prefix + message.Name;
        Add(byPath, name, path);
        for (var f = 0; f < message.Field.Count; f++) Add(byPath, $"{name}.{message.Field[f].Name}", [.. path, MessageFields, f]);
        for (var n = 0; n < message.NestedType.Count; n++) AddMessage(byPath, message.NestedType[n], name + ".", [.. path, MessageNested, n]);
        for (var e = 0; e < message.EnumType.Count; e++) AddEnum(byPath, message.EnumType[e], name + ".", [.. path, MessageEnums, e]);
    }

    private void AddEnum(Dictionary<string, string> byPath, EnumDescriptorProto enumType, string prefix, int[] path)
    {
        var name = prefix + enumType.Name;
        Add(byPath, name, path);
        for (var v = 0; v < enumType.Value.Count; v++) Add(byPath, $"{name}.{enumType.Value[v].Name}", [.. path, EnumValues, v]);
    }

    private void Add(Dictionary<string, string> byPath, string fullName, int[] path)
    {
        if (byPath.TryGetValue(string.Join(',', path), out var comment)) _comments[fullName] = comment;
    }

    /// <summary>Comment lines joined into paragraphs: single line breaks become spaces.</summary>
    private static string Clean(string comment)
    {
        var paragraphs = comment.Replace("\r", "").Split("\n\n");
        return string.Join("\n\n", paragraphs.Select(p => string.Join(' ', p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))))
            .Trim();
    }

    [GeneratedRegex(@"(^|[.;]\s+)Output only\b")]
    private static partial Regex OutputOnly();

    [GeneratedRegex(@"(^|[.;]\s+)Required\b")]
    private static partial Regex Required();

    [GeneratedRegex(@"e\.g\.\s+(`(?<value>[^`]+)`|""(?<value>[^""]+)"")")]
    private static partial Regex ExampleInComment();
}
