using System.Data.Common;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Work a service adds to each transaction that changed data (wrote an audit event): it runs inside that
/// transaction just before the commit, once, with the entes changed (in ordinal order). A row it updates
/// there stays locked only while the transaction commits, so it cannot deadlock with the rows written before.
/// </summary>
public interface IChangeCommitHook
{
    Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<string> tenantIds, CancellationToken cancellationToken);
}
