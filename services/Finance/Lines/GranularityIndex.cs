namespace Platform.Finance.Lines;

/// <summary>
/// A spending titolo is given either as one titolo-level line (no mission), or by mission, or by programme,
/// never at two of these levels for the same year and stage: totals add every line, so the money would be
/// counted twice. The index holds, for each titolo, year, stage, level and mission, two of the lines found
/// there (the least and greatest id: enough to name one other than the line being checked), so each check
/// is a few dictionary look-ups whatever the budget's size.
/// </summary>
public sealed class GranularityIndex
{
    private const string AnyMission = "*";

    private readonly Dictionary<(int Titolo, int Year, string Stage, string Level, string Mission), (string Least, string Greatest)> lines = [];

    public static string Level(LineRow line) => Level(line.MissionCode, line.ProgrammeCode);

    private static string Level(string? mission, string? programme) =>
        programme is not null ? "programme" : mission is not null ? "mission" : "titolo";

    /// <summary>Lines of one titolo, mission and level at a year and stage: the least and greatest of their ids.</summary>
    public void Add(int titolo, string? mission, string? programme, int year, string stage, string leastId, string greatestId)
    {
        var level = Level(mission, programme);
        Note((titolo, year, stage, level, mission ?? ""), leastId, greatestId);
        Note((titolo, year, stage, level, AnyMission), leastId, greatestId);
    }

    /// <summary>Adds a spending line at each of its years and stages (other kinds are ignored).</summary>
    public void Add(LineRow line)
    {
        if (line.KindValue != BudgetLine.Types.Kind.Spending) return;
        foreach (var amount in line.Amounts)
            Add(line.Titolo ?? 0, line.MissionCode, line.ProgrammeCode, amount.Year, amount.Stage, line.LineId, line.LineId);
    }

    /// <summary>Why <paramref name="line"/> would count money twice with a line already in the index; null when it would not.</summary>
    public string? Conflict(LineRow line)
    {
        if (line.KindValue != BudgetLine.Types.Kind.Spending) return null;
        var level = Level(line);
        var titolo = line.Titolo ?? 0;
        foreach (var amount in line.Amounts)
        {
            (string Level, string Mission)[] clashes = level switch
            {
                "titolo" => [("mission", AnyMission), ("programme", AnyMission)],
                "mission" => [("titolo", ""), ("programme", line.MissionCode!)],
                _ => [("titolo", ""), ("mission", line.MissionCode!)],
            };
            foreach (var (otherLevel, mission) in clashes)
                if (lines.TryGetValue((titolo, amount.Year, amount.Stage, otherLevel, mission), out var found)
                    && (found.Least != line.LineId ? found.Least : found.Greatest != line.LineId ? found.Greatest : null) is { } other)
                    return $"gives spending titolo {titolo} at {level} level, but line '{other}' gives it at {otherLevel} level for the "
                        + "same year and stage: the amounts would be counted twice; load the titolo at one level only";
        }
        return null;
    }

    private void Note((int, int, string, string, string) key, string least, string greatest) =>
        lines[key] = lines.TryGetValue(key, out var found)
            ? (Min(found.Least, least), Max(found.Greatest, greatest))
            : (least, greatest);

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;
    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}
