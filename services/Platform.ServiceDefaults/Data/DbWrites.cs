using System.Data.Common;
using Dapper;
using Platform.ServiceDefaults.Errors;

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
