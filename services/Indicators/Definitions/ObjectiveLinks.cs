using Platform.Objectives.Client;

namespace Platform.Indicators.Definitions;

/// <summary>Checks linked objectives with the Objectives service (deadline and UNAVAILABLE from the shared client).</summary>
public sealed class ObjectiveLinks(ObjectivesLookup objectives)
{
    /// <summary>Adds a violation for every objective the Objectives service does not know.</summary>
    /// <remarks>Field names use the position in <paramref name="all"/>, the request's full list.</remarks>
    public async Task CheckAsync(IReadOnlyList<string> toCheck, IReadOnlyList<string> all, RequestValidator validator, CancellationToken ct)
    {
        var missing = await objectives.MissingAsync(toCheck, ct);
        foreach (var name in toCheck.Where(missing.Contains))
            Missing(validator, all, name);
    }

    /// <summary>Adds a violation for every plan of <paramref name="plans"/> the Objectives service does not know.</summary>
    public async Task CheckPlansAsync(IReadOnlyList<string> plans, RequestValidator validator, CancellationToken ct)
    {
        for (var i = 0; i < plans.Count; i++)
            if (await objectives.FindBasicTreeAsync(plans[i], ct) is null)
                validator.Add($"indicator.plans[{i}]", $"{plans[i]} does not exist in the Objectives service");
    }

    /// <summary>As <see cref="CheckAsync"/> against objectives already read (a plan's, for an import).</summary>
    public static void Check(IReadOnlyList<string> objectives, IReadOnlySet<string> known, RequestValidator validator)
    {
        foreach (var name in objectives.Where(o => !known.Contains(o)))
            Missing(validator, objectives, name);
    }

    private static void Missing(RequestValidator validator, IReadOnlyList<string> all, string name) =>
        validator.Add($"indicator.objectives[{all.ToList().IndexOf(name)}]", $"{name} does not exist in the Objectives service");
}
