using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Platform.ServiceDefaults.Data;

/// <summary>One changed field of an audited resource; values are written as the API shows them.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>Writes audit events inside the caller's transaction, so a change and its record commit together.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        string resource, string action, IReadOnlyList<FieldChange> changes, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_events (tenant_id, resource, action, actor, occurred_at, changes)
            VALUES (@TenantId, @Resource, @Action, @Actor, @OccurredAt, @Changes)
            """,
            new
            {
                who.TenantId,
                Resource = resource,
                Action = action,
                Actor = who.UserId,
                OccurredAt = clock.GetUtcNow().UtcDateTime,
                Changes = JsonSerializer.Serialize(changes),
            },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The fields whose values differ between two snapshots of a resource.</summary>
    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string?> before,
        IReadOnlyDictionary<string, string?> after)
    {
        var changes = new List<FieldChange>();
        foreach (var field in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(field, out var oldValue);
            after.TryGetValue(field, out var newValue);
            if (oldValue != newValue) changes.Add(new FieldChange(field, oldValue, newValue));
        }
        return changes;
    }

    /// <summary>All fields of a created resource, or of a deleted one with <paramref name="deleted"/>.</summary>
    public static IReadOnlyList<FieldChange> Snapshot(IReadOnlyDictionary<string, string?> fields, bool deleted = false) =>
        fields.Select(f => deleted ? new FieldChange(f.Key, f.Value, null) : new FieldChange(f.Key, null, f.Value)).ToList();
}
