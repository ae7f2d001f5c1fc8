namespace Platform.Web.Api;

/// <summary>
/// What the reader picked on the plan page: words or a code, an owner, a sector, a mission or programme, an
/// SDG. Only selects rows of the API's tree; every value shown is the API's.
/// </summary>
public sealed record PlanFilter(string? Search, string? Owner, string? Sector, string? Programme, int? Sdg)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && string.IsNullOrEmpty(Owner) && string.IsNullOrEmpty(Sector)
        && string.IsNullOrEmpty(Programme) && Sdg is null;

    public bool Matches(Objective objective) =>
        MatchesSearch(objective) &&
        (string.IsNullOrEmpty(Owner) || Owners(objective).Contains(Owner)) &&
        (string.IsNullOrEmpty(Sector) || Sectors(objective).Contains(Sector)) &&
        (string.IsNullOrEmpty(Programme) || Programmes(objective).Contains(Programme)) &&
        (Sdg is null || (objective.SdgGoals ?? []).Contains(Sdg.Value));

    public static IEnumerable<string> Owners(Objective o) =>
        (o.PoliticalOwners ?? []).Append(o.Manager).Where(v => v.Length > 0);

    public static IEnumerable<string> Sectors(Objective o) =>
        (o.InvolvedSectors ?? []).Append(o.LeadSector).Where(v => v.Length > 0);

    /// <summary>Missions and programmes together: a mission code (<c>12</c>) or a programme code (<c>12.04</c>).</summary>
    public static IEnumerable<string> Programmes(Objective o) => (o.MissionCodes ?? []).Concat(o.ProgrammeCodes ?? []);

    private bool MatchesSearch(Objective objective)
    {
        var search = Search?.Trim() ?? "";
        return search.Length == 0 || objective.Code.StartsWith(search, StringComparison.OrdinalIgnoreCase) ||
            search.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word =>
                objective.Title.Contains(word, StringComparison.CurrentCultureIgnoreCase) ||
                objective.Description.Contains(word, StringComparison.CurrentCultureIgnoreCase));
    }
}
