using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>JSON schemas of protobuf messages in their proto3 JSON mapping (camelCase names, int64 as string).</summary>
public sealed class SchemaSet(ProtoComments comments)
{
    public JsonObject Definitions { get; } = new();

    /// <summary>A reference to the message's schema, defining it (and what it uses) on first use.</summary>
    public JsonNode Ref(MessageDescriptor message)
    {
        if (WellKnown(message.FullName) is { } wellKnown) return wellKnown;
        var id = message.FullName;
        if (!Definitions.ContainsKey(id))
        {
            var properties = new JsonObject();
            var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
            if (comments.For(id) is { } description) schema["description"] = description;
            Definitions[id] = schema;
            var required = new JsonArray();
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                properties[field.JsonName] = Documented(field);
                if (FieldBehaviors.IsRequired(field, comments)) required.Add(field.JsonName);
            }
            if (required.Count > 0) schema["required"] = required;
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{id}" };
    }

    public JsonNode Status() => new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["code"] = new JsonObject { ["type"] = "integer", ["description"] = "google.rpc.Code" },
            ["message"] = new JsonObject { ["type"] = "string" },
            ["details"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "object", ["description"] = "ErrorInfo, BadRequest (fieldViolations), ... with @type" },
            },
        },
    };

    /// <summary>The field's schema with its comment, example and whether only the service sets it.</summary>
    public JsonNode Documented(FieldDescriptor field)
    {
        var schema = For(field);
        var description = Join(comments.For(field.FullName), field.FieldType == FieldType.Enum ? EnumValues(field.EnumType) : null);
        var readOnly = FieldBehaviors.IsOutputOnly(field, comments);
        if (description is null && !readOnly) return schema;
        // Next to a $ref, OpenAPI 3.0 ignores other keywords; allOf keeps them.
        var documented = schema is JsonObject o && o.ContainsKey("$ref") ? new JsonObject { ["allOf"] = new JsonArray(schema) } : (JsonObject)schema;
        if (description is not null) documented["description"] = description;
        if (readOnly) documented["readOnly"] = true;
        if (documented["type"]?.GetValue<string>() == "string" && ProtoComments.Example(description) is { } example)
            documented["example"] = example;
        return documented;
    }

    /// <summary>The enum's values that have a comment, one line each.</summary>
    private string? EnumValues(EnumDescriptor enumType)
    {
        var lines = enumType.Values.Select(v => (v.Name, About: comments.For($"{enumType.FullName}.{v.Name}")))
            .Where(v => v.About is not null).Select(v => $"- `{v.Name}`: {v.About}").ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}\n\n{second}";

    public JsonNode For(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            var value = field.MessageType.FindFieldByName("value");
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Single(value) };
        }
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Single(field) } : Single(field);
    }

    private JsonNode Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => new JsonObject { ["type"] = "string" },
        FieldType.Bool => new JsonObject { ["type"] = "boolean" },
        FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
        FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
            new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new JsonObject { ["type"] = "string", ["format"] = "int64" },
        FieldType.Enum => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(field.EnumType.Values.Select(v => (JsonNode)v.Name).ToArray()),
        },
        FieldType.Message or FieldType.Group => Ref(field.MessageType),
        _ => new JsonObject(),
    };

    private static JsonObject? WellKnown(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["example"] = "1.5s" },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["example"] = "title,description" },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Struct" or "google.protobuf.Any" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Value" => new JsonObject(),
        "google.protobuf.StringValue" => new JsonObject { ["type"] = "string" },
        "google.protobuf.Int32Value" => new JsonObject { ["type"] = "integer" },
        "google.protobuf.Int64Value" => new JsonObject { ["type"] = "string", ["format"] = "int64" },
        "google.protobuf.BoolValue" => new JsonObject { ["type"] = "boolean" },
        "google.protobuf.DoubleValue" => new JsonObject { ["type"] = "number" },
        _ => null,
    };
}
