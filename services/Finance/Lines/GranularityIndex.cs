namespace Platform.Finance.Lines;

/// <summary>
/// A spending titolo is given either as one titolo-level line (no mission), or by mission, or by programme,
/// never at two of these levels for the same year and stage: totals add every line, so the money would be
/// counted twice. The index holds, for each titolo, year, stage, level and mission, two of the lines found
/// there (the least and greatest id: enough to name one other than the line being checked), so each check
/// is a few dictionary look-ups; of the stored lines it holds only the keys a batch asks about
/// (<see cref="ClashKeys"/>).
/// </summary>
public sealed class GranularityIndex
{
    /// <summary>The mission of a key that stands for every mission of its titolo, year, stage and level.</summary>
    public const string AnyMission = "*";

    /// <summary>The lines of one spending titolo at one year, stage and level, of one mission or of <see cref="AnyMission"/>.</summary>
    public readonly record struct Key(int Titolo, int Year, string Stage, string Level, string Mission);

    private readonly Dictionary<Key, (string Least, string Greatest)> lines = [];

    public static string Level(LineRow line) =>
        line.ProgrammeCode is not null ? "programme" : line.MissionCode is not null ? "mission" : "titolo";

    /// <summary>
    /// The keys whose lines would clash with <paramref name="batch"/>: the only stored lines the check must know,
    /// a few per titolo, mission, year and stage of the batch whatever the budget's size.
    /// </summary>
    public static IReadOnlyCollection<Key> ClashKeys(IEnumerable<LineRow> batch) =>
        batch.SelectMany(line => Clashes(line).Select(c => c.Key)).ToHashSet();

    /// <summary>Stored lines at <paramref name="key"/>: the least and greatest of their ids.</summary>
    public void AddStored(Key key, string leastId, string greatestId) => Note(key, leastId, greatestId);

    /// <summary>Adds a spending line at each of its years and stages (other kinds are ignored).</summary>
    public void Add(LineRow line)
    {
        if (line.KindValue != BudgetLine.Types.Kind.Spending) return;
        var level = Level(line);
        foreach (var amount in line.Amounts)
        {
            Note(new Key(line.Titolo ?? 0, amount.Year, amount.Stage, level, line.MissionCode ?? ""), line.LineId, line.LineId);
            Note(new Key(line.Titolo ?? 0, amount.Year, amount.Stage, level, AnyMission), line.LineId, line.LineId);
        }
    }

    /// <summary>Why <paramref name="line"/> would count money twice with a line already in the index; null when it would not.</summary>
    public string? Conflict(LineRow line)
    {
        foreach (var (key, level) in Clashes(line))
            if (lines.TryGetValue(key, out var found)
                && (found.Least != line.LineId ? found.Least : found.Greatest != line.LineId ? found.Greatest : null) is { } other)
                return $"gives spending titolo {key.Titolo} at {level} level, but line '{other}' gives it at {key.Level} level for the "
                    + "same year and stage: the amounts would be counted twice; load the titolo at one level only";
        return null;
    }

    /// <summary>The keys of the other levels a spending line must not share a year and stage with; none for other kinds.</summary>
    private static IEnumerable<(Key Key, string Level)> Clashes(LineRow line)
    {
        if (line.KindValue != BudgetLine.Types.Kind.Spending) yield break;
        var level = Level(line);
        var titolo = line.Titolo ?? 0;
        (string Level, string Mission)[] others = level switch
        {
            "titolo" => [("mission", AnyMission), ("programme", AnyMission)],
            "mission" => [("titolo", ""), ("programme", line.MissionCode!)],
            _ => [("titolo", ""), ("mission", line.MissionCode!)],
        };
        foreach (var amount in line.Amounts)
            foreach (var (otherLevel, mission) in others)
                yield return (new Key(titolo, amount.Year, amount.Stage, otherLevel, mission), level);
    }

    private void Note(Key key, string least, string greatest) =>
        lines[key] = lines.TryGetValue(key, out var found)
            ? (Min(found.Least, least), Max(found.Greatest, greatest))
            : (least, greatest);

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;
    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}
