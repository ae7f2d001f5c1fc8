using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Keyset paging (AIP-158): the opaque token carries the last key of the previous page and a fingerprint of
/// the query it belongs to, so a token reused with other filters is refused instead of skipping rows.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static int PageSize(int requested, RequestValidator validator, string field = "page_size")
    {
        validator.Check(requested >= 0, field, "must not be negative");
        return requested <= 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    public static string Encode(string lastKey, string queryFingerprint) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Token(lastKey, queryFingerprint)));

    /// <summary>Returns the last key of the previous page, or null for the first page.</summary>
    public static string? Decode(string? pageToken, string queryFingerprint, RequestValidator validator,
        string field = "page_token")
    {
        if (string.IsNullOrEmpty(pageToken)) return null;
        Token? token = null;
        try
        {
            token = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(pageToken));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }
        if (token is null || token.Key is null)
        {
            validator.Add(field, "is not a token returned by this method");
            return null;
        }
        if (token.Query != queryFingerprint)
        {
            validator.Add(field, "belongs to a query with other filters");
            return null;
        }
        return token.Key;
    }

    /// <summary>Builds a stable fingerprint from the filter values of a list call.</summary>
    public static string Fingerprint(params object?[] filters)
    {
        var text = string.Join("\u001f", filters.Select(f => f?.ToString() ?? ""));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private sealed record Token(string Key, string Query);
}

/// <summary>One page of a keyset query that fetched up to <c>pageSize + 1</c> rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken)
{
    public static Page<T> From(IReadOnlyList<T> rows, int pageSize, Func<T, string> key, string queryFingerprint)
    {
        if (rows.Count <= pageSize) return new Page<T>(rows, "");
        var items = rows.Take(pageSize).ToList();
        return new Page<T>(items, Paging.Encode(key(items[^1]), queryFingerprint));
    }
}

/// <summary>The paging part of a List request, checked.</summary>
public readonly record struct PageRequest(int PageSize, string? After)
{
    /// <summary>Reads <c>page_size</c> and <c>page_token</c>; throws INVALID_ARGUMENT with field violations.</summary>
    public static PageRequest Read(int pageSize, string? pageToken, string queryFingerprint)
    {
        var validator = new RequestValidator();
        var size = Paging.PageSize(pageSize, validator);
        var after = Paging.Decode(pageToken, queryFingerprint, validator);
        validator.ThrowIfInvalid();
        return new PageRequest(size, after);
    }

    /// <summary>
    /// The last key as a number, for lists keyed by an increasing id (0 on the first page). Page tokens are
    /// opaque, not signed: a hand-made one with another key is INVALID_ARGUMENT, never a server error.
    /// </summary>
    public long AfterId => After is null ? 0
        : long.TryParse(After, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id
        : throw ApiErrors.InvalidArgument("page_token", "is not a token returned by this method");
}
