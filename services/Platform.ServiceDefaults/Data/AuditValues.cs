using System.Collections;
using System.Globalization;
using Google.Protobuf;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// A message as the audit trail shows it, read through its descriptor: one entry per non-empty field, lists
/// joined with "; ", maps one entry per key (<c>yearly_actions.2023</c>), nested messages left out.
/// </summary>
public static class AuditValues
{
    public static SortedDictionary<string, string?> Of(IMessage message, IReadOnlyCollection<string> skip)
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
            case null or IMessage:
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
