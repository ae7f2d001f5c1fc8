using System.Collections;
using System.Globalization;
using Google.Protobuf.Reflection;

namespace Platform.Objectives.Cards;

/// <summary>
/// The fields of an objective's card, read through the proto descriptor so that a field added to the contract
/// is updatable, audited and compared in versions without further code.
/// </summary>
public static class ObjectiveFields
{
    /// <summary>Fields the service sets itself, or that change only through MoveObjective.</summary>
    private static readonly HashSet<string> NotCard =
    [
        "name", "code", "parent", "level", "depth", "latest_state", "latest_period",
        "etag", "create_time", "update_time", "create_user", "update_user",
    ];

    private static readonly IReadOnlyList<FieldDescriptor> CardFields =
        Objective.Descriptor.Fields.InFieldNumberOrder().Where(f => !NotCard.Contains(f.Name)).ToList();

    /// <summary>What UpdateObjective may change.</summary>
    public static readonly IReadOnlySet<string> Updatable = CardFields.Select(f => f.Name).ToHashSet();

    /// <summary>
    /// The objective as the audit trail and version diffs show it: one entry per non-empty field, lists joined
    /// with "; ", maps one entry per key (<c>yearly_actions.2023</c>), the parent as its code.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Flatten(Objective objective)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (objective.Parent.Length > 0) fields["parent"] = objective.Parent;
        if (objective.Level.Length > 0) fields["level"] = objective.Level;
        foreach (var field in CardFields)
            Add(fields, field.Name, field.Accessor.GetValue(objective));
        return fields;
    }

    /// <summary>The same flattening for any message (used for plans), skipping output-only bookkeeping.</summary>
    public static IReadOnlyDictionary<string, string?> Flatten(IMessage message, params string[] skip)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            if (!skip.Contains(field.Name)) Add(fields, field.Name, field.Accessor.GetValue(message));
        return fields;
    }

    private static void Add(IDictionary<string, string?> fields, string name, object? value)
    {
        switch (value)
        {
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                    fields[$"{name}.{Text(entry.Key)}"] = Text(entry.Value);
                break;
            case IList list:
                if (list.Count > 0) fields[name] = string.Join("; ", list.Cast<object>().Select(Text));
                break;
            case string text:
                if (text.Length > 0) fields[name] = text;
                break;
            case bool flag:
                if (flag) fields[name] = "true";
                break;
            case null:
                break;
            case IMessage:
                break;
            default:
                var shown = Text(value);
                if (shown is not ("0" or "")) fields[name] = shown;
                break;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
