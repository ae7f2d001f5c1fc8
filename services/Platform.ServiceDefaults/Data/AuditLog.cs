using System.Data.Common;
using System.Text.Json;
using Dapper;
using Platform.Common.V1;
using Platform.ServiceDefaults.Api;


namespace Platform.ServiceDefaults.Data;

/// <summary>One changed field of an audited resource; values are written as the API shows them.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>
/// The audit trail of a service: events are written inside the caller's transaction, so a change and its
/// record commit together, and read back per resource (and everything under it). Every change is audited, so
/// an event also marks its ente as changed for the database's commit hooks (<see cref="IChangeCommitHook"/>).
/// </summary>
public sealed class AuditLog(Database database, TimeProvider clock)
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
        database.MarkChanged(transaction, who.TenantId);
    }

    /// <summary>Fingerprint for page tokens of <see cref="ListAsync"/>.</summary>
    public static string ListFingerprint(string resource) => Paging.Fingerprint("audit", resource);

    /// <summary>
    /// Events of <paramref name="resource"/> and of every resource below it (<c>plans/x</c> includes
    /// <c>plans/x/objectives/1.2</c>), oldest first. A resource with no event in the caller's ente was never
    /// created there (every create is audited; another ente's resource is as unknown as a missing one), so its
    /// trail is NOT_FOUND; a deleted resource keeps its trail.
    /// </summary>
    public async Task<Page<AuditEvent>> ListAsync(RequestIdentity who, string resource, PageRequest paging,
        CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<AuditRow>($"""
            SELECT id, resource, action, actor, occurred_at AS OccurredAt, changes FROM audit_events
            WHERE tenant_id = @TenantId AND (resource = @Resource OR resource LIKE @Below ESCAPE '\')
              AND id > @After
            ORDER BY id
            {database.Dialect.Limit("@Limit")}
            """,
            new { who.TenantId, Resource = resource, Below = SqlText.EscapeLike(resource) + "/%", After = paging.AfterId, Limit = paging.PageSize + 1 },
            cancellationToken);
        if (rows.Count == 0 && paging.After is null) throw ApiErrors.NotFound(resource);
        var page = Page<AuditRow>.From(rows, paging.PageSize, r => r.Id.ToString(), ListFingerprint(resource));
        return new Page<AuditEvent>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
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

    private sealed record AuditRow(long Id, string Resource, string Action, string Actor, DateTime OccurredAt, string Changes)
    {
        public AuditEvent ToProto()
        {
            var proto = new AuditEvent { Id = Id, Resource = Resource, Action = Action, Actor = Actor, Time = OccurredAt.ToTimestamp() };
            foreach (var change in JsonSerializer.Deserialize<List<FieldChange>>(Changes) ?? [])
            {
                var field = new Platform.Common.V1.FieldChange { Field = change.Field };
                if (change.OldValue is not null) field.OldValue = change.OldValue;
                if (change.NewValue is not null) field.NewValue = change.NewValue;
                proto.Changes.Add(field);
            }
            return proto;
        }
    }
}
