using Google.Protobuf.Reflection;

namespace Platform.Objectives.Objectives;

/// <summary>
/// The fields of an objective's card, read through the proto descriptor so that a field added to the contract
/// is updatable, audited and compared in versions without further code.
/// </summary>
public static class ObjectiveFields
{
    /// <summary>Fields the service sets itself, or that change only through MoveObjective.</summary>
    private static readonly HashSet<string> NotCard =
    [
        "name", "code", "parent", "level", "depth", "latest_state", "latest_period",
        "etag", "create_time", "update_time", "create_user", "update_user",
    ];

    private static readonly IReadOnlyList<FieldDescriptor> CardFields =
        Objective.Descriptor.Fields.InFieldNumberOrder().Where(f => !NotCard.Contains(f.Name)).ToList();

    /// <summary>What UpdateObjective may change.</summary>
    public static readonly IReadOnlySet<string> Updatable = CardFields.Select(f => f.Name).ToHashSet();

    /// <summary>The objective as the audit trail and version diffs show it (<see cref="AuditValues"/>), the parent as its name.</summary>
    public static IReadOnlyDictionary<string, string?> Flatten(Objective objective)
    {
        var fields = AuditValues.Of(objective, NotCard);
        if (objective.Parent.Length > 0) fields["parent"] = objective.Parent;
        if (objective.Level.Length > 0) fields["level"] = objective.Level;
        return fields;
    }
}
