namespace Platform.Spreadsheets.Schema;

/// <summary>
/// Columns named by a prefix and a key, as many as a file brings: <c>Azioni 2023</c>, <c>Azioni 2024</c> are the
/// family <c>actions</c> with keys <c>2023</c>, <c>2024</c>. A header belongs to the family when it starts with one
/// of the accepted prefixes (compared like headers) and has a key after it; the key is the rest of the header as
/// written, without the separator (<c> </c>, <c>_</c>, <c>-</c>, <c>:</c>). A member's canonical name is
/// <c>{Name}_{key}</c>. Fixed columns win over families.
/// </summary>
public sealed record ColumnFamily(
    string Name,
    ColumnKind Kind,
    string ItalianPrefix,
    string EnglishPrefix,
    IReadOnlyList<string>? Aliases = null)
{
    private IReadOnlyList<string> FoldedPrefixes =>
        new[] { Name, ItalianPrefix, EnglishPrefix }.Concat(Aliases ?? []).Select(HeaderText.Fold).Distinct().ToList();

    public static ColumnFamily Family(string name, ColumnKind kind, string italianPrefix, string englishPrefix, params string[] aliases) =>
        new(name, kind, italianPrefix, englishPrefix, aliases);

    /// <summary>The canonical name of the member with <paramref name="key"/>, e.g. <c>actions_2023</c>.</summary>
    public string MemberName(string key) => $"{Name}_{key}";

    /// <summary>The member with <paramref name="key"/> as an ordinary column, headed <c>Azioni 2023</c> / <c>Actions 2023</c>.</summary>
    public ColumnDefinition Member(string key) =>
        new(MemberName(key), Kind, $"{ItalianPrefix} {key}", $"{EnglishPrefix} {key}");

    /// <summary>The key a header gives this family, or null when the header is not one of its members.</summary>
    public string? KeyOf(string header)
    {
        foreach (var prefix in FoldedPrefixes)
        {
            var matched = 0;
            var position = 0;
            for (; position < header.Length && matched < prefix.Length; position++)
            {
                var folded = HeaderText.Fold(header[position].ToString());
                if (folded.Length == 0) continue;
                if (folded[0] != prefix[matched]) break;
                matched++;
            }
            if (matched < prefix.Length) continue;
            var key = header[position..].TrimStart(' ', '_', '-', ':', '\t').Trim();
            if (key.Length > 0) return key;
        }
        return null;
    }
}
