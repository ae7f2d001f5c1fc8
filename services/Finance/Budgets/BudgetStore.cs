using Platform.Finance.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Errors;

namespace Platform.Finance.Budgets;

/// <summary>Budgets of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class BudgetStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, budget_id AS BudgetId, title, first_year AS FirstYear, last_year AS LastYear, version,
        created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy
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
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO budgets (tenant_id, budget_id, title, first_year, last_year, version,
                                     created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @BudgetId, @Title, @FirstYear, @LastYear, @Version,
                        @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, row, row.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
            return row;
        }, ct);
        return row.ToProto();
    }

    public async Task<Budget> GetAsync(RequestIdentity who, string budgetId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<BudgetRow>(
            $"SELECT {Columns} FROM budgets WHERE tenant_id = @TenantId AND budget_id = @BudgetId",
            new { who.TenantId, BudgetId = budgetId }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(BudgetNames.Format(budgetId));
    }

    public async Task<Page<Budget>> ListAsync(RequestIdentity who, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<BudgetRow>($"""
            SELECT {Columns} FROM budgets
            WHERE tenant_id = @TenantId AND (@After IS NULL OR budget_id > @After)
            ORDER BY budget_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, paging.After, Limit = paging.PageSize + 1 }, ct);
        var page = Page<BudgetRow>.From(rows, paging.PageSize, r => r.BudgetId, ListFingerprint);
        return new Page<Budget>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }
}
