using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Api;

/// <summary>Checks an <c>update_mask</c> against the fields a resource lets clients change (AIP-134).</summary>
public static class UpdateMasks
{
    /// <summary>
    /// Returns the paths to change. <c>*</c> means every updatable field; an absent mask means every updatable
    /// field the client populated. Unknown paths are field violations on <paramref name="field"/>.
    /// </summary>
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IReadOnlySet<string> updatable,
        Func<string, bool> isPopulated, RequestValidator validator, string field = "update_mask")
    {
        if (mask is null || mask.Paths.Count == 0) return updatable.Where(isPopulated).ToHashSet(StringComparer.Ordinal);
        if (mask.Paths is ["*"]) return updatable;
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in mask.Paths)
        {
            if (updatable.Contains(path)) paths.Add(path);
            else validator.Add(field, $"'{path}' is not an updatable field (allowed: {string.Join(", ", updatable.Order())})");
        }
        return paths;
    }
}
