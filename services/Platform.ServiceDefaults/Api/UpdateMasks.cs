using System.Collections;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Platform.ServiceDefaults.Api;

/// <summary>Checks an <c>update_mask</c> against the fields a resource lets clients change (AIP-134).</summary>
public static class UpdateMasks
{
    /// <summary>
    /// Returns the paths to change, as proto field names. <c>*</c> means every updatable field; an absent mask
    /// means every updatable field the client populated. REST clients may write the JSON form
    /// (<c>?updateMask=endYear</c>), which transcoding passes on as is: it is read as <c>end_year</c>.
    /// Unknown paths are field violations on <paramref name="field"/>.
    /// </summary>
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IReadOnlySet<string> updatable,
        Func<string, bool> isPopulated, RequestValidator validator, string field = "update_mask")
    {
        // REST writes a mask as one comma-separated string: `?updateMask=,,,` arrives as empty paths.
        var given = mask?.Paths.Where(p => p.Trim().Length > 0).Select(p => p.Trim()).ToList() ?? [];
        if (given.Count == 0) return updatable.Where(isPopulated).ToHashSet(StringComparer.Ordinal);
        if (given is ["*"]) return updatable;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in given.Select(ProtoName))
        {
            if (updatable.Contains(path)) paths.Add(path);
            else validator.Add(field, $"'{path}' is not an updatable field (allowed: {string.Join(", ", updatable.Order())})");
        }
        return paths;
    }

    /// <summary>The same, with "populated" read from <paramref name="changes"/> itself (see <see cref="IsPopulated"/>).</summary>
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IReadOnlySet<string> updatable, IMessage changes,
        RequestValidator validator, string field = "update_mask") =>
        Resolve(mask, updatable, path => IsPopulated(changes, path), validator, field);

    /// <summary>
    /// Whether a client set <paramref name="path"/> on <paramref name="message"/>: a present message or optional
    /// field, a non-empty string, bytes, list or map, a non-default number, enum or bool.
    /// </summary>
    public static bool IsPopulated(IMessage message, string path)
    {
        var field = message.Descriptor.FindFieldByName(path);
        if (field is null) return false;
        if (field.HasPresence && !field.IsRepeated && !field.IsMap) return field.Accessor.HasValue(message);
        return field.Accessor.GetValue(message) switch
        {
            IDictionary map => map.Count > 0,
            IList list => list.Count > 0,
            string text => text.Length > 0,
            ByteString bytes => bytes.Length > 0,
            bool flag => flag,
            System.Enum value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
            IConvertible number => Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) != 0,
            _ => false,
        };
    }

    /// <summary>
    /// Copies the fields named in <paramref name="paths"/> from <paramref name="source"/> into
    /// <paramref name="target"/> (same message type), read through the descriptor: lists and maps are replaced
    /// whole, an optional field or message the source leaves unset is cleared. The one way every resource
    /// applies an update, so a new field needs no code here.
    /// </summary>
    public static void Apply(IMessage target, IMessage source, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var field = target.Descriptor.FindFieldByName(path)
                ?? throw new ArgumentException($"{path} is not a field of {target.Descriptor.Name}", nameof(paths));
            var accessor = field.Accessor;
            switch (accessor.GetValue(target))
            {
                case IDictionary map:
                    map.Clear();
                    foreach (DictionaryEntry entry in (IDictionary)accessor.GetValue(source)) map[entry.Key] = entry.Value;
                    break;
                case IList list:
                    list.Clear();
                    foreach (var item in (IList)accessor.GetValue(source)) list.Add(item);
                    break;
                default:
                    if (field.HasPresence && !accessor.HasValue(source)) accessor.Clear(target);
                    else accessor.SetValue(target, accessor.GetValue(source) is IMessage message ? message.Descriptor.Parser.ParseFrom(message.ToByteString()) : accessor.GetValue(source));
                    break;
            }
        }
    }

    /// <summary><c>totalCost</c> becomes <c>total_cost</c>; proto names pass unchanged.</summary>
    public static string ProtoName(string path) =>
        string.Concat(path.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
