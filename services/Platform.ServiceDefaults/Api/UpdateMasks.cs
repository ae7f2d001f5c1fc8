using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Errors;

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
        if (mask is null || mask.Paths.Count == 0) return updatable.Where(isPopulated).ToHashSet(StringComparer.Ordinal);
        if (mask.Paths is ["*"]) return updatable;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in mask.Paths.Select(ProtoName))
        {
            if (updatable.Contains(path)) paths.Add(path);
            else validator.Add(field, $"'{path}' is not an updatable field (allowed: {string.Join(", ", updatable.Order())})");
        }
        return paths;
    }

    /// <summary><c>totalCost</c> becomes <c>total_cost</c>; proto names pass unchanged.</summary>
    public static string ProtoName(string path) =>
        string.Concat(path.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
