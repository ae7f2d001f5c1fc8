using System.Globalization;
using System.Text;

namespace Platform.ServiceDefaults.Quality;

/// <summary>Heuristics on texts and names that several services' rules share.</summary>
public static class TextChecks
{
    /// <summary>Italian words a sentence does not end with: a text ending in one was cut.</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "a", "ad", "al", "alla", "alle", "agli", "che", "con", "da", "dal", "dalla", "dei", "del", "della", "delle",
        "degli", "di", "e", "ed", "gli", "i", "il", "in", "la", "le", "lo", "nel", "nella", "o", "per", "su", "sul",
        "sulla", "tra", "fra", "un", "una", "uno",
    };

    /// <summary>
    /// True when a text looks cut short: it ends with an ellipsis (how truncations are marked) or with a word
    /// no sentence ends with (<c>... la realizzazione del</c>). Short labels (under 40 characters) are not judged.
    /// </summary>
    public static bool LooksCutShort(string? text)
    {
        var trimmed = text?.TrimEnd() ?? "";
        if (trimmed.Length < 40) return false;
        if (trimmed.EndsWith('…') || trimmed.EndsWith("...", StringComparison.Ordinal)) return true;
        var start = trimmed.Length;
        while (start > 0 && char.IsLetter(trimmed[start - 1])) start--;
        if (start == trimmed.Length) return false;
        return Connectors.Contains(trimmed[start..].ToLowerInvariant()) && (start == 0 || trimmed[start - 1] == ' ');
    }

    /// <summary>The finding of a text that looks cut short, quoting where it stops.</summary>
    public static RuleHit CutShort(string resource, string field, string text) => new(resource, field,
        $"Il testo sembra troncato: termina con «{Ending(text)}». Riportare il testo intero.",
        $"The text looks cut short: it ends with '{Ending(text)}'. Store the whole text.");

    /// <summary>The last 30 characters of a text, for a message quoting where it stops.</summary>
    public static string Ending(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length <= 30 ? trimmed : "…" + trimmed[^30..];
    }

    /// <summary>
    /// True when two different spellings are probably the same person: the same words in another order or case,
    /// or every word equal but one, which differs by at most two letters and not only in its last letter (so
    /// "Rossi Mario" and "Rossi Maria" stay two people).
    /// </summary>
    public static bool SameNameSpelledTwoWays(string a, string b)
    {
        if (a == b) return false;
        var x = Words(a).Order(StringComparer.Ordinal).ToList();
        var y = Words(b).Order(StringComparer.Ordinal).ToList();
        if (x.Count == 0 || x.Count != y.Count) return false;
        if (x.SequenceEqual(y)) return true;
        var onlyX = x.Except(y).ToList();
        var onlyY = y.Except(x).ToList();
        if (onlyX.Count != 1 || onlyY.Count != 1) return false;
        var (u, v) = (onlyX[0], onlyY[0]);
        if (Math.Min(u.Length, v.Length) < 5 || u[0] != v[0] || !u.All(char.IsLetter) || !v.All(char.IsLetter)) return false;
        if (u.Length == v.Length && u[..^1] == v[..^1]) return false;
        return Quickenshtein.Levenshtein.GetDistance(u, v) <= 2;
    }

    private static IEnumerable<string> Words(string name) =>
        RemoveAccents(name).ToLowerInvariant().Split([' ', '\t', ',', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static string RemoveAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }
}
