using System.Data.Common;

namespace Platform.Objectives.Plans;

/// <summary>Plans of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class PlanStore(Database database, AuditLog audit, TimeProvider clock)
{
    public const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, title, kind, start_year AS StartYear, end_year AS EndYear,
        description, version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt,
        updated_by AS UpdatedBy, state, published, levels, free_child_codes AS FreeChildCodes,
        tree_version AS TreeVersion
        """;

    public async Task<Plan> CreateAsync(RequestIdentity who, string planId, Plan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PlanRow
        {
            TenantId = who.TenantId, PlanId = planId, Title = plan.Title.Trim(), Kind = plan.Kind.ToString(),
            StartYear = plan.StartYear, EndYear = plan.EndYear, Description = plan.Description, Version = 1,
            CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
            State = PlanStates.Format(Plan.Types.State.Draft), Published = false,
            Levels = PlanRow.LevelsJson(plan.Levels.Select(l => l.Trim())), FreeChildCodes = plan.FreeChildCodes,
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO plans (tenant_id, plan_id, title, kind, start_year, end_year, description, version,
                                   created_at, created_by, updated_at, updated_by, state, published, levels, free_child_codes)
                VALUES (@TenantId, @PlanId, @Title, @Kind, @StartYear, @EndYear, @Description, @Version,
                        @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy, @State, @Published, @Levels, @FreeChildCodes)
                """, row, row.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
            return row;
        }, ct);
        return row.ToProto();
    }

    public async Task<Plan> GetAsync(RequestIdentity who, string planId, CancellationToken ct) =>
        (await GetRowAsync(who, planId, ct)).ToProto();

    public async Task<PlanRow> GetRowAsync(RequestIdentity who, string planId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<PlanRow>(
            $"SELECT {Columns} FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId",
            new { who.TenantId, PlanId = planId }, ct);
        return row ?? throw ApiErrors.NotFound(PlanName.Format(planId));
    }

    public async Task<Page<Plan>> ListAsync(RequestIdentity who, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<PlanRow>($"""
            SELECT {Columns} FROM plans
            WHERE tenant_id = @TenantId AND (@After IS NULL OR plan_id > @After) AND (@PublishedOnly = 0 OR published = 1)
            ORDER BY plan_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, paging.After, Limit = paging.PageSize + 1, PublishedOnly = who.IsAnonymous ? 1 : 0 }, ct);
        var page = Page<PlanRow>.From(rows, paging.PageSize, r => r.PlanId, ListFingerprint);
        return new Page<Plan>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }

    public static readonly string ListFingerprint = Paging.Fingerprint("plans");

    /// <summary>
    /// Applies the masked fields of <paramref name="changes"/>, checks the etag and the whole result, and
    /// writes the new version with its audit event.
    /// </summary>
    public async Task<Plan> UpdateAsync(RequestIdentity who, string planId, Plan changes, IReadOnlySet<string> paths,
        CancellationToken ct)
    {
        var updated = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, changes.Etag, ct, requireWritable: true);
            var merged = current.ToProto();
            UpdateMasks.Apply(merged, changes, paths);
            var next = current.WithFields(merged) with
            {
                Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
                UpdatedBy = who.UserId,
            };
            var validator = new RequestValidator();
            PlanValidation.ValidateFields(next.ToProto(), validator);
            if (validator.IsValid && paths.Contains("levels"))
            {
                // A level still used by an objective cannot disappear.
                var used = await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT DISTINCT level FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId",
                    new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct));
                PlanValidation.CheckLevelsInUse(used.ToList(), next.LevelList, validator);
            }
            validator.ThrowIfInvalid();

            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE plans SET title = @Title, kind = @Kind, start_year = @StartYear, end_year = @EndYear,
                    description = @Description, levels = @Levels, free_child_codes = @FreeChildCodes,
                    version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND plan_id = @PlanId AND version = @Version - 1
                """, next, next.ResourceName, ct);
            var diff = AuditLog.Diff(current.AuditFields(), next.AuditFields());
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update", diff, ct);
            return next;
        }, ct);
        return updated.ToProto();
    }

    /// <summary>Moves the plan forward in its lifecycle (DRAFT > ADOPTED > APPROVED > ARCHIVED).</summary>
    public async Task<Plan> TransitionAsync(RequestIdentity who, string planId, Plan.Types.State target, string? etag,
        CancellationToken ct)
    {
        var updated = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, etag, ct);
            if (target <= current.StateValue)
                throw ApiErrors.FailedPrecondition("INVALID_TRANSITION",
                    $"{current.ResourceName} is {current.State}; it can only move forward (DRAFT > ADOPTED > APPROVED > ARCHIVED)",
                    ("resource", current.ResourceName), ("state", current.State));
            var next = current with
            {
                State = PlanStates.Format(target),
                Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
                UpdatedBy = who.UserId,
            };
            await WriteStateAsync(connection, transaction, who, current, next, "transition", ct);
            return next;
        }, ct);
        return updated.ToProto();
    }

    /// <summary>Sets the published flag; publishing needs an APPROVED plan.</summary>
    public async Task<Plan> PublishAsync(RequestIdentity who, string planId, bool published, string? etag, CancellationToken ct)
    {
        var updated = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, etag, ct, requireWritable: true);
            if (published && current.StateValue != Plan.Types.State.Approved)
                throw ApiErrors.FailedPrecondition("PLAN_NOT_APPROVED",
                    $"{current.ResourceName} is {current.State}; only an APPROVED plan can be published",
                    ("resource", current.ResourceName), ("state", current.State));
            var next = current with
            {
                Published = published,
                Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
                UpdatedBy = who.UserId,
            };
            await WriteStateAsync(connection, transaction, who, current, next, published ? "publish" : "unpublish", ct);
            return next;
        }, ct);
        return updated.ToProto();
    }

    private async Task WriteStateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        PlanRow current, PlanRow next, string action, CancellationToken ct)
    {
        await connection.ExecuteVersionedAsync(transaction, """
            UPDATE plans SET state = @State, published = @Published, version = @Version, updated_at = @UpdatedAt,
                updated_by = @UpdatedBy
            WHERE tenant_id = @TenantId AND plan_id = @PlanId AND version = @Version - 1
            """, next, next.ResourceName, ct);
        await audit.WriteAsync(connection, transaction, who, next.ResourceName, action,
            AuditLog.Diff(current.AuditFields(), next.AuditFields()), ct);
    }

    /// <summary>Deletes a plan; one with objectives only with <paramref name="force"/> (they go with it).</summary>
    public async Task DeleteAsync(RequestIdentity who, string planId, string? etag, bool force, CancellationToken ct)
    {
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, etag, ct, requireWritable: true);
            var key = new { who.TenantId, PlanId = planId };
            var objectives = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId", key, transaction,
                cancellationToken: ct));
            if (objectives > 0 && !force)
                throw ApiErrors.FailedPrecondition("HAS_CHILDREN",
                    $"{current.ResourceName} has {objectives} objectives; delete them first or set force",
                    ("resource", current.ResourceName));
            foreach (var table in new[] { "objective_terms", "progress_reports", "objectives", "plan_versions" })
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM {table} WHERE tenant_id = @TenantId AND plan_id = @PlanId", key, transaction, cancellationToken: ct));
            await connection.ExecuteVersionedAsync(transaction,
                "DELETE FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId AND version = @Version",
                current, current.ResourceName, ct);
            // A forced delete takes the objectives with it: the event says how many went.
            var deleted = AuditLog.Snapshot(current.AuditFields(), deleted: true)
                .Append(new FieldChange("objectives", objectives.ToString(), null)).ToList();
            await audit.WriteAsync(connection, transaction, who, current.ResourceName, "delete", deleted, ct);
            return current;
        }, ct);
    }

    /// <summary>
    /// Reads the plan inside a write transaction and checks the etag when one was sent. Every write under a
    /// plan comes through here, so it first takes the plan row's write lock: writers of one plan queue, and
    /// what they read (the plan's state, the next report or version number) cannot change under them. SQLite
    /// already holds the database write lock; on SQL Server the UPDATE holds the row until commit. The same
    /// UPDATE bumps <c>tree_version</c> (so <c>PlanTree.etag</c> changes with the write, or not at all if it
    /// rolls back), unless the caller says its write leaves the tree as it is (<paramref name="changesTree"/>).
    /// </summary>
    public static async Task<PlanRow> LoadForWriteAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string planId, string? etag, CancellationToken ct, bool requireWritable = false,
        bool changesTree = true)
    {
        if (changesTree)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE plans SET tree_version = tree_version + 1 WHERE tenant_id = @TenantId AND plan_id = @PlanId",
                new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct));
        else
            await connection.LockRowAsync(transaction, "plans", "plan_id", who.TenantId, planId, ct);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            $"SELECT {Columns} FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId",
            new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct))
            ?? throw ApiErrors.NotFound(PlanName.Format(planId));
        Etags.Check(etag, row.Version, row.ResourceName);
        if (requireWritable) EnsureWritable(row);
        return row;
    }

    /// <summary>An archived plan is read-only, with everything under it.</summary>
    public static void EnsureWritable(PlanRow plan)
    {
        if (plan.IsArchived)
            throw ApiErrors.FailedPrecondition("PLAN_ARCHIVED",
                $"{plan.ResourceName} is ARCHIVED and read-only", ("resource", plan.ResourceName));
    }
}
