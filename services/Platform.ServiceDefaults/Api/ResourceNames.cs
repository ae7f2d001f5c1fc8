using Platform.Names;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Request checks over the contracts' resource names (<see cref="IResourceName{TSelf}"/>): a bad name is
/// INVALID_ARGUMENT on the field that carried it.
/// </summary>
public static class ResourceNames
{
    /// <summary>Checks a client-chosen id, adding a violation for <paramref name="field"/> when it is not valid.</summary>
    public static bool CheckId(RequestValidator validator, string? id, string field) =>
        validator.Required(id, field) && validator.Check(ResourceIds.IsValid(id), field, ResourceIds.Rule);

    /// <summary>Checks a name, adding a violation for <paramref name="field"/> when it is missing or malformed.</summary>
    public static bool Check<TName>(RequestValidator validator, string? text, string field, out TName name)
        where TName : struct, IResourceName<TName>
    {
        name = default;
        return validator.Required(text, field) && validator.Check(TName.TryParse(text, out name), field, $"must look like {TName.Pattern}");
    }

    /// <summary>The parsed name, or INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static TName Parse<TName>(string? text, string field = "name") where TName : struct, IResourceName<TName>
    {
        if (string.IsNullOrEmpty(text)) throw ApiErrors.InvalidArgument(field, "is required");
        return TName.TryParse(text, out var name) ? name : throw ApiErrors.InvalidArgument(field, $"must look like {TName.Pattern}");
    }

    /// <summary>
    /// The parent of a collection name such as <c>budgets/{budget}/lines</c>, or INVALID_ARGUMENT on
    /// <paramref name="field"/>.
    /// </summary>
    public static TName ParseParentOf<TName>(string? text, string collection, string field)
        where TName : struct, IResourceName<TName>
    {
        var suffix = "/" + collection;
        if (string.IsNullOrEmpty(text)) throw ApiErrors.InvalidArgument(field, "is required");
        return text.EndsWith(suffix, StringComparison.Ordinal) && TName.TryParse(text[..^suffix.Length], out var name)
            ? name
            : throw ApiErrors.InvalidArgument(field, $"must look like {TName.Pattern}{suffix}");
    }
}
