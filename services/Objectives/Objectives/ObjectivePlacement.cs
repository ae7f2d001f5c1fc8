using Platform.Objectives.Plans;

namespace Platform.Objectives.Objectives;

/// <summary>
/// Where an objective may sit in its plan: under a parent of the same plan, at a level below the parent's
/// among the plan's levels, with a code that extends the parent's unless the plan frees child codes.
/// Pure rules: the store reads the rows and calls these inside its transaction.
/// </summary>
public static class ObjectivePlacement
{
    /// <summary>The level of a new objective (given, or the one below its parent's), or INVALID_ARGUMENT.</summary>
    public static string PlaceNew(PlanRow plan, ObjectiveName? parentName, ObjectiveRow? parent, string requestedLevel, string code)
    {
        var validator = new RequestValidator();
        if (parentName is { } named && validator.Check(named.PlanId == plan.PlanId, "objective.parent", $"must be an objective of {plan.ResourceName}"))
            validator.Check(parent is not null, "objective.parent", $"{named} does not exist");
        var levels = plan.LevelList;
        var level = "";
        if (validator.Check(levels.Count > 0, "objective.level", $"{plan.ResourceName} declares no levels"))
        {
            var parentIndex = parent is null ? -1 : IndexOf(levels, parent.Level);
            if (requestedLevel.Length > 0)
            {
                var index = IndexOf(levels, requestedLevel);
                if (validator.Check(index >= 0, "objective.level",
                        $"'{requestedLevel}' is not a level of {plan.ResourceName} ({string.Join(" > ", levels)})"))
                    validator.Check(index > parentIndex, "objective.level", $"must be below the parent's level '{parent?.Level}'");
                level = requestedLevel;
            }
            else if (validator.Check(parentIndex + 1 < levels.Count, "objective.parent",
                         $"is at the last level of {plan.ResourceName} ('{parent?.Level}')"))
                level = levels[parentIndex + 1];
        }
        if (parent is not null && !plan.FreeChildCodes)
            validator.Check(ObjectiveCodes.Extends(parent.Code, code), "objective_id",
                $"'{code}' must extend its parent's code '{parent.Code}' (e.g. {parent.Code}.1)");
        validator.ThrowIfInvalid();
        return level;
    }

    /// <summary>Checks moving <paramref name="current"/> (with <paramref name="subtree"/>) under a new parent, or to the top.</summary>
    public static void CheckMove(PlanRow plan, ObjectiveRow current, IReadOnlyList<ObjectiveRow> subtree, ObjectiveName? parentName,
        ObjectiveRow? parent)
    {
        if (parentName is not { } named) return;
        var validator = new RequestValidator();
        if (validator.Check(named.PlanId == plan.PlanId, "new_parent", $"must be an objective of {plan.ResourceName}")
            && validator.Check(parent is not null, "new_parent", $"{named} does not exist")
            && validator.Check(subtree.All(r => r.Code != parent!.Code), "new_parent", "is the objective itself or one below it"))
        {
            var levels = plan.LevelList;
            validator.Check(IndexOf(levels, parent!.Level) < IndexOf(levels, current.Level), "new_parent",
                $"is at level '{parent.Level}', which is not above '{current.Level}'");
            if (!plan.FreeChildCodes)
                validator.Check(ObjectiveCodes.Extends(parent.Code, current.Code), "new_parent",
                    $"'{current.Code}' does not extend the new parent's code '{parent.Code}'");
        }
        validator.ThrowIfInvalid();
    }

    /// <summary>An objective with others below it is deleted only with <c>force</c> (and then with all of them).</summary>
    public static void CheckDelete(ObjectiveRow current, IReadOnlyList<ObjectiveRow> subtree, bool force)
    {
        if (subtree.Count > 1 && !force)
            throw ApiErrors.FailedPrecondition("HAS_CHILDREN",
                $"{current.ResourceName} has {subtree.Count - 1} objectives below it; move or delete them, or set force",
                ("resource", current.ResourceName));
    }

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
            if (levels[i] == level) return i;
        return -1;
    }
}
