using System.Data.Common;

namespace Platform.Indicators.Versions;

/// <summary>
/// The version of each ente's data in this service's database (table <c>data_versions</c>): every committed
/// transaction that wrote an audit event for the ente (indicators, their links, periods, imports) bumps it once,
/// just before it commits, and a rolled-back one leaves it as it was. Held in the database, so every replica
/// sees the same version; what is built from the data can be reused while it is unchanged.
/// </summary>
public sealed class DataVersions : IChangeCommitHook
{
    public async Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<string> tenantIds, CancellationToken ct)
    {
        foreach (var tenantId in tenantIds)
            if (!await BumpAsync(connection, transaction, tenantId, ct))
                await FirstAsync(connection, transaction, dialect, tenantId, ct);
    }

    /// <summary>The ente's data version now (0 before its first write). Read it before the data it versions.</summary>
    public static async Task<long> ReadAsync(Database database, string tenantId, CancellationToken ct) =>
        await database.QuerySingleOrDefaultAsync<long?>(
            "SELECT version FROM data_versions WHERE tenant_id = @TenantId", new { TenantId = tenantId }, ct) ?? 0;

    private static async Task<bool> BumpAsync(DbConnection connection, DbTransaction transaction, string tenantId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE data_versions SET version = version + 1 WHERE tenant_id = @TenantId",
            new { TenantId = tenantId }, transaction, cancellationToken: ct)) > 0;

    /// <summary>The ente's first version; when another transaction inserted it meanwhile, bumps that one instead.</summary>
    private static async Task FirstAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string tenantId,
        CancellationToken ct)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO data_versions (tenant_id, version) VALUES (@TenantId, 1)",
                new { TenantId = tenantId }, transaction, cancellationToken: ct));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            await BumpAsync(connection, transaction, tenantId, ct);
        }
    }
}
