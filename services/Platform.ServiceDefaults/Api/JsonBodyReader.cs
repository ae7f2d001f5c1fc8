using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Reads a REST body against its protobuf message the strict way, and says precisely what is wrong: the field
/// path of an unknown field or a value of the wrong type (<c>plan.start_year</c>), not just the body. A JSON
/// number given for a string field (the platform's exact decimals) is taken as its exact text. The result is
/// the canonical protobuf JSON of the message, which transcoding then reads without surprises.
/// </summary>
public static class JsonBodyReader
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public sealed record Result(string? CanonicalJson, BadRequest.Types.FieldViolation? Violation);

    /// <param name="path">The field the body fills (<c>plan</c>), or empty when the body is the whole request.</param>
    public static Result Read(string body, MessageDescriptor target, string path)
    {
        try
        {
            return ReadCore(body, target, path);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException
                                       or JsonException or InvalidJsonException or InvalidProtocolBufferException)
        {
            // Untrusted text: whatever the readers refuse (a repeated key, a lone surrogate...) is the client's mistake.
            return Fail(path.Length > 0 ? path : "body", $"is not valid JSON for this request: {ex.Message}");
        }
    }

    private static Result ReadCore(string body, MessageDescriptor target, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Fail(path.Length > 0 ? path : "body", $"is not valid JSON: {ex.Message}");
        }
        if (root is not JsonObject)
            return Fail(path.Length > 0 ? path : "body", $"must be a JSON object ({target.Name})");

        var unknown = NormalizeAndFindUnknown(root, target, path);
        if (unknown is not null) return new Result(null, unknown);
        try
        {
            return new Result(Formatter.Format(Parser.Parse(root.ToJsonString(), target)), null);
        }
        catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            return new Result(null, Locate((JsonObject)root, target, path) ?? Violation(path.Length > 0 ? path : "body", Describe(ex)));
        }
    }

    /// <summary>Turns numbers in string fields into their exact text; returns the first field the message does not have.</summary>
    private static BadRequest.Types.FieldViolation? NormalizeAndFindUnknown(JsonNode node, MessageDescriptor message, string path)
    {
        if (node is not JsonObject json || IsWellKnown(message)) return null;
        foreach (var (key, value) in json.ToList())
        {
            var field = Field(message, key);
            var fieldPath = Join(path, field?.Name ?? key);
            if (field is null) return Violation(fieldPath, $"is not a field of {message.Name}");
            if (value is null) continue;
            if (field.IsMap)
            {
                if (value is JsonObject entries && field.MessageType.FindFieldByNumber(2) is { } valueField)
                    foreach (var (entryKey, entry) in entries.ToList())
                        if (Normalize(entries, entryKey, entry, valueField, $"{fieldPath}[{entryKey}]") is { } bad) return bad;
            }
            else if (field.IsRepeated && value is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                    if (Normalize(items, i, items[i], field, $"{fieldPath}[{i}]") is { } bad) return bad;
            }
            else if (Normalize(json, key, value, field, fieldPath) is { } bad) return bad;
        }
        return null;
    }

    private static BadRequest.Types.FieldViolation? Normalize(JsonNode parent, object slot, JsonNode? value, FieldDescriptor field, string path)
    {
        if (field.FieldType == FieldType.String && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            JsonNode text = JsonValue.Create(number.ToJsonString());
            if (slot is string key) parent[key] = text;
            else parent[(int)slot] = text;
            return null;
        }
        return field.FieldType == FieldType.Message && value is not null ? NormalizeAndFindUnknown(value, field.MessageType, path) : null;
    }

    /// <summary>Parses each property alone to find the one the parser refuses, descending into nested messages.</summary>
    private static BadRequest.Types.FieldViolation? Locate(JsonObject json, MessageDescriptor message, string path)
    {
        foreach (var (key, value) in json)
        {
            var field = Field(message, key);
            if (field is null) continue;
            var alone = new JsonObject { [key] = value?.DeepClone() };
            try
            {
                Parser.Parse(alone.ToJsonString(), message);
            }
            catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
            {
                var fieldPath = Join(path, field.Name);
                return Inside(field, value, fieldPath) ?? Violation(fieldPath, Describe(ex));
            }
        }
        return null;
    }

    /// <summary>The refused part of a message-typed value: the nested field, or the list item and its field.</summary>
    private static BadRequest.Types.FieldViolation? Inside(FieldDescriptor field, JsonNode? value, string path)
    {
        if (field.FieldType != FieldType.Message || field.IsMap || IsWellKnown(field.MessageType)) return null;
        if (!field.IsRepeated) return value is JsonObject inner ? Locate(inner, field.MessageType, path) : null;
        if (value is not JsonArray items) return null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) return Violation($"{path}[{i}]", $"must be a JSON object ({field.MessageType.Name})");
            if (Locate(item, field.MessageType, $"{path}[{i}]") is { } found) return found;
        }
        return null;
    }

    private static FieldDescriptor? Field(MessageDescriptor message, string key) =>
        message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == key || f.Name == key);

    private static bool IsWellKnown(MessageDescriptor message) => message.File.Package == "google.protobuf";

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    private static string Describe(Exception ex) => $"has a value of the wrong type: {ex.Message}";

    private static Result Fail(string field, string description) => new(null, Violation(field, description));

    private static BadRequest.Types.FieldViolation Violation(string field, string description) =>
        new() { Field = field, Description = description };
}
