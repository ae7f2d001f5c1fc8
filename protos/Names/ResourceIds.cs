using System.Text.RegularExpressions;

namespace Platform.Names;

/// <summary>Client-chosen resource ids (AIP-122): the last segment of a one-level name such as <c>plans/dup-2023</c>.</summary>
public static partial class ResourceIds
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();

    public const string Rule = "must be 1-63 lowercase letters, digits or hyphens, starting with a letter";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The id of <c>{collection}/{id}</c>, or null when <paramref name="text"/> has another shape.</summary>
    internal static string? ParseOneLevel(string? text, string collection) =>
        text is not null && text.Length > collection.Length + 1 && text.StartsWith(collection, StringComparison.Ordinal)
        && text[collection.Length] == '/' && IsValid(text[(collection.Length + 1)..])
            ? text[(collection.Length + 1)..]
            : null;

    /// <summary>The id of <c>{collection}/{id}</c> or of any name under it, or null when there is none.</summary>
    internal static string? ParseOwning(string? text, string collection)
    {
        if (text is null || text.Length <= collection.Length + 1) return null;
        var slash = text.IndexOf('/', collection.Length + 1);
        return ParseOneLevel(slash < 0 ? text : text[..slash], collection);
    }
}
