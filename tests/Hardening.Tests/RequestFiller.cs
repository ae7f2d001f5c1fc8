using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Hardening.Tests;

/// <summary>
/// Fills any request message generically: fields that name a resource (by their REST path template, or by
/// their field name: <c>plan</c>, <c>objectives</c>, <c>names</c>...) get the real resources' names, fields of
/// a resource type get a copy of the real resource, <c>*_id</c> fields a fresh id and update masks one field.
/// The result is a request the owner could send, so only the caller's identity decides whether it may succeed.
/// </summary>
public sealed partial class RequestFiller(RealResources resources)
{
    private static readonly Dictionary<string, string> CollectionOfField = new()
    {
        ["plan"] = "plans", ["objective"] = "objectives", ["objectives"] = "objectives", ["new_parent"] = "objectives",
        ["parent_objective"] = "objectives", ["indicator"] = "indicators", ["indicators"] = "indicators",
        ["names"] = "indicators", ["budget"] = "budgets", ["investment"] = "investments", ["investments"] = "investments",
        ["other"] = "versions",
    };

    private int _fresh;

    /// <summary>The RPC's request with every resource-naming field set; also reports whether any was.</summary>
    public IMessage Fill(Rpc rpc, out bool namesResource)
    {
        var request = rpc.NewRequest();
        var patterns = rpc.Bindings.Count == 0 ? new Dictionary<string, string>() : PathPatterns(rpc.Bindings[0].Template);
        namesResource = false;
        var resourceTypes = new List<MessageDescriptor>();
        foreach (var field in request.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Message && resources.OfType(field.MessageType) is { } real)
            {
                var copy = real.Descriptor.Parser.ParseFrom(real.ToByteString());
                if (patterns.TryGetValue($"{field.Name}.name", out var pattern) && resources.Matching(pattern) is { } named)
                    copy.Descriptor.FindFieldByName("name").Accessor.SetValue(copy, named);
                field.Accessor.SetValue(request, copy);
                resourceTypes.Add(field.MessageType);
                namesResource |= rpc.Name.StartsWith("Update", StringComparison.Ordinal) || ReferencesOthers(copy);
            }
            else if (field.FieldType == FieldType.Enum && !field.IsRepeated && field.EnumType.Values.Count > 1)
            {
                field.Accessor.SetValue(request, System.Enum.ToObject(field.Accessor.GetValue(request).GetType(), field.EnumType.Values[1].Number));
            }
            else if (field.FieldType == FieldType.Int32 && !field.IsRepeated && field.Name.EndsWith("year", StringComparison.Ordinal))
            {
                field.Accessor.SetValue(request, 2024);
            }
            else if (field.FieldType == FieldType.String)
            {
                var value = StringFor(field, patterns);
                if (value is null) continue;
                if (field.IsRepeated) ((System.Collections.IList)field.Accessor.GetValue(request)).Add(value);
                else field.Accessor.SetValue(request, value);
                namesResource |= !field.Name.EndsWith("_id", StringComparison.Ordinal);
            }
        }
        if (request.Descriptor.FindFieldByName("update_mask") is { } maskField && resourceTypes.Count > 0)
            maskField.Accessor.SetValue(request, new FieldMask { Paths = { MaskPath(resourceTypes[0]) } });
        return request;
    }

    private string? StringFor(FieldDescriptor field, Dictionary<string, string> patterns)
    {
        if (field.Name.EndsWith("_id", StringComparison.Ordinal) && field.Name != "request_id")
            return field.Name == "objective_id" ? $"9{Interlocked.Increment(ref _fresh)}" : $"nw{Guid.NewGuid().ToString("N")[..8]}";
        if (patterns.TryGetValue(field.Name, out var pattern) && pattern.Contains('/'))
            return resources.Matching(pattern);
        var name = CollectionOfField.TryGetValue(field.Name, out var collection) ? resources.OfCollection(collection) : null;
        // A single-segment path variable (`/v1/scorecards/{plan}`) takes the id, not the whole name.
        return name is not null && pattern == "*" ? name.Split('/')[^1] : name;
    }

    /// <summary>Whether a copied resource carries links to other resources (an indicator's objectives...).</summary>
    private static bool ReferencesOthers(IMessage copy) => copy.Descriptor.Fields.InFieldNumberOrder()
        .Any(f => f.Name is "objectives" && f.IsRepeated && ((System.Collections.IList)f.Accessor.GetValue(copy)).Count > 0);

    private static string MaskPath(MessageDescriptor type) =>
        new[] { "title", "note", "description", "target" }.FirstOrDefault(p => type.FindFieldByName(p) is not null)
        ?? type.Fields.InFieldNumberOrder().First(f => f.Name != "name").Name;

    /// <summary>Field path to glob pattern of a REST template: <c>/v1/{plan.name=plans/*}</c> gives plan.name → plans/*.</summary>
    public static Dictionary<string, string> PathPatterns(string template) =>
        Variable().Matches(template).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success ? m.Groups[2].Value : "*");

    [GeneratedRegex(@"\{([a-z_.]+)(?:=([^}]*))?\}")]
    private static partial Regex Variable();
}
