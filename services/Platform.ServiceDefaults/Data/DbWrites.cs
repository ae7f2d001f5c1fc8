using System.Data.Common;
using Dapper;

namespace Platform.ServiceDefaults.Data;

public static class DbWrites
{
    /// <summary>Runs an INSERT; a duplicate key becomes ALREADY_EXISTS for <paramref name="resourceName"/>.</summary>
    public static async Task InsertAsync(this DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string sql, object row, string resourceName, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            throw ApiErrors.AlreadyExists(resourceName);
        }
    }

    /// <summary>
    /// Takes the write lock on one row of a versioned table (a no-op UPDATE: the row lock on SQL Server, the
    /// database's write lock on SQLite) before the transaction reads it, so a read-modify-write never races
    /// another writer. <paramref name="table"/> and <paramref name="keyColumn"/> are code constants, never input.
    /// </summary>
    public static Task LockRowAsync(this DbConnection connection, DbTransaction transaction, string table, string keyColumn,
        string tenantId, string id, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {table} SET version = version WHERE tenant_id = @TenantId AND {keyColumn} = @Id",
            new { TenantId = tenantId, Id = id }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Runs an UPDATE or DELETE guarded by <c>version = @Version</c>; no row touched means someone changed the
    /// resource since it was read, which is ABORTED like a stale etag.
    /// </summary>
    public static async Task ExecuteVersionedAsync(this DbConnection connection, DbTransaction transaction,
        string sql, object row, string resourceName, CancellationToken cancellationToken)
    {
        var affected = await connection.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));
        if (affected == 0) throw ApiErrors.EtagMismatch(resourceName, "changed");
    }
}
