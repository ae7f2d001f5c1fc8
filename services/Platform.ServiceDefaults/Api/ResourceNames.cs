using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Api;

/// <summary>Client-chosen resource ids and resource names (<c>collection/{id}</c>), as in AIP-122.</summary>
public static partial class ResourceNames
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();

    public const string IdRule = "must be 1-63 lowercase letters, digits or hyphens, starting with a letter";

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Checks a client-chosen id, adding a violation for <paramref name="field"/> when it is not valid.</summary>
    public static bool CheckId(RequestValidator validator, string? id, string field) =>
        validator.Required(id, field) && validator.Check(IsValidId(id), field, IdRule);

    /// <summary>
    /// Returns the id of a one-segment name such as <c>plans/dup-2023</c>, or throws INVALID_ARGUMENT on
    /// <paramref name="field"/> when the name has another shape.
    /// </summary>
    public static string ParseId(string? name, string collection, string field)
    {
        var prefix = collection + "/";
        if (string.IsNullOrEmpty(name))
            throw ApiErrors.InvalidArgument(field, "is required");
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !IsValidId(name[prefix.Length..]))
            throw ApiErrors.InvalidArgument(field, $"must look like {collection}/{{id}}, where the id {IdRule}");
        return name[prefix.Length..];
    }

    public static string Format(string collection, string id) => $"{collection}/{id}";
}
