using System.Data.Common;

namespace Platform.Finance.Budgets;

/// <summary>Budgets of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class BudgetStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, budget_id AS BudgetId, title, first_year AS FirstYear, last_year AS LastYear, state,
        version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    public static readonly string ListFingerprint = Paging.Fingerprint("budgets");

    public async Task<Budget> CreateAsync(RequestIdentity who, string budgetId, Budget budget, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new BudgetRow
        {
            TenantId = who.TenantId, BudgetId = budgetId, Title = budget.Title.Trim(),
            FirstYear = budget.FirstYear, LastYear = budget.LastYear, Version = 1,
            CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
            Stages = budget.Stages.Select(s => new StageRow(s.Year, s.Stage.ToString())).ToList(),
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO budgets (tenant_id, budget_id, title, first_year, last_year, state, version,
                                     created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @BudgetId, @Title, @FirstYear, @LastYear, @State, @Version,
                        @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, row, row.ResourceName, ct);
            await WriteStagesAsync(connection, transaction, row, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
            return row;
        }, ct);
        return row.ToProto();
    }

    public async Task<Budget> GetAsync(RequestIdentity who, string budgetId, CancellationToken ct) =>
        (await GetRowAsync(who, budgetId, ct)).ToProto();

    public async Task<BudgetRow> GetRowAsync(RequestIdentity who, string budgetId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await LoadAsync(connection, null, who, budgetId, ct);
    }

    public async Task<Page<Budget>> ListAsync(RequestIdentity who, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<BudgetRow>($"""
            SELECT {Columns} FROM budgets
            WHERE tenant_id = @TenantId AND (@After IS NULL OR budget_id > @After) AND (@ApprovedOnly = 0 OR state = @Approved)
            ORDER BY budget_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, paging.After, Limit = paging.PageSize + 1, ApprovedOnly = who.IsAnonymous ? 1 : 0,
                Approved = nameof(Budget.Types.State.Approved) }, ct);
        var page = Page<BudgetRow>.From(rows, paging.PageSize, r => r.BudgetId, ListFingerprint);
        var stages = (await database.QueryAsync<StageKeyRow>(
                "SELECT budget_id AS BudgetId, year, stage FROM budget_stages WHERE tenant_id = @TenantId",
                new { who.TenantId }, ct))
            .ToLookup(s => s.BudgetId, s => new StageRow(s.Year, s.Stage));
        return new Page<Budget>(page.Items.Select(r => (r with { Stages = stages[r.BudgetId].ToList() }).ToProto()).ToList(),
            page.NextPageToken);
    }

    public async Task<Budget> UpdateAsync(RequestIdentity who, string budgetId, Budget changes, IReadOnlySet<string> paths,
        CancellationToken ct)
    {
        var updated = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, budgetId, changes.Etag, ct);
            var merged = current.ToProto();
            UpdateMasks.Apply(merged, changes, paths);
            var next = current.WithFields(merged);
            var validator = new RequestValidator();
            validator.Text(next.Title, "budget.title", 300);
            BudgetValidation.ValidateStages(next.ToProto().Stages, next.FirstYear, next.LastYear, validator, "budget.stages");
            validator.ThrowIfInvalid();
            if (paths.Contains("stages"))
            {
                // A stage that still carries amounts cannot be withdrawn.
                var used = await connection.QueryAsync<StageRow>(new CommandDefinition("""
                    SELECT DISTINCT year, stage FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId
                    """, new { who.TenantId, BudgetId = budgetId }, transaction, cancellationToken: ct));
                BudgetValidation.CheckStagesInUse(used.ToList(), next.Stages, validator);
                validator.ThrowIfInvalid();
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM budget_stages WHERE tenant_id = @TenantId AND budget_id = @BudgetId",
                    new { who.TenantId, BudgetId = budgetId }, transaction, cancellationToken: ct));
                await WriteStagesAsync(connection, transaction, next, ct);
            }
            next = await BumpVersionAsync(connection, transaction, who, next, ct);
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update",
                AuditLog.Diff(current.AuditFields(), next.AuditFields()), ct);
            return next;
        }, ct);
        return updated.ToProto();
    }

    /// <summary>Approves after <paramref name="check"/> (the balances of every declared stage) passes, in the same transaction.</summary>
    public async Task<Budget> ApproveAsync(RequestIdentity who, string budgetId, string? etag,
        Func<DbConnection, DbTransaction, BudgetRow, Task> check, CancellationToken ct)
    {
        var approved = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, budgetId, etag, ct);
            await check(connection, transaction, current);
            var next = await BumpVersionAsync(connection, transaction, who,
                current with { State = nameof(Budget.Types.State.Approved) }, ct);
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "approve",
                AuditLog.Diff(current.AuditFields(), next.AuditFields()), ct);
            return next;
        }, ct);
        return approved.ToProto();
    }

    /// <summary>
    /// Reads a budget for a change inside a transaction: it must exist, match <paramref name="etag"/> when one
    /// is given, and still be a draft (approved budgets are read-only).
    /// </summary>
    public async Task<BudgetRow> LoadForWriteAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        string budgetId, string? etag, CancellationToken ct)
    {
        var row = await LoadAsync(connection, transaction, who, budgetId, ct);
        Etags.Check(etag, row.Version, row.ResourceName);
        if (row.IsApproved)
            throw ApiErrors.FailedPrecondition("BUDGET_APPROVED",
                $"{row.ResourceName} is approved and read-only", ("resource", row.ResourceName));
        return row;
    }

    /// <summary>Writes the next version of the budget (guarded by the current one): every change to it or its lines bumps the etag.</summary>
    public async Task<BudgetRow> BumpVersionAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        BudgetRow current, CancellationToken ct)
    {
        var next = current with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = who.UserId };
        await connection.ExecuteVersionedAsync(transaction, """
            UPDATE budgets SET title = @Title, state = @State, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
            WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND version = @Version - 1
            """, next, next.ResourceName, ct);
        return next;
    }

    private async Task<BudgetRow> LoadAsync(DbConnection connection, DbTransaction? transaction, RequestIdentity who,
        string budgetId, CancellationToken ct)
    {
        var args = new { who.TenantId, BudgetId = budgetId };
        var row = await connection.QuerySingleOrDefaultAsync<BudgetRow>(new CommandDefinition(
            $"SELECT {Columns} FROM budgets WHERE tenant_id = @TenantId AND budget_id = @BudgetId",
            args, transaction, cancellationToken: ct)) ?? throw ApiErrors.NotFound(BudgetName.Format(budgetId));
        var stages = await connection.QueryAsync<StageRow>(new CommandDefinition(
            "SELECT year, stage FROM budget_stages WHERE tenant_id = @TenantId AND budget_id = @BudgetId",
            args, transaction, cancellationToken: ct));
        return row with { Stages = stages.ToList() };
    }

    private static async Task WriteStagesAsync(DbConnection connection, DbTransaction transaction, BudgetRow row, CancellationToken ct)
    {
        foreach (var stage in row.Stages)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO budget_stages (tenant_id, budget_id, year, stage) VALUES (@TenantId, @BudgetId, @Year, @Stage)
                """, new { row.TenantId, row.BudgetId, stage.Year, stage.Stage }, transaction, cancellationToken: ct));
    }

    private sealed record StageKeyRow
    {
        public string BudgetId { get; init; } = "";
        public int Year { get; init; }
        public string Stage { get; init; } = "";
    }
}
