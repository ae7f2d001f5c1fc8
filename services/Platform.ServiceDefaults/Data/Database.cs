using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// The service's database: opens pooled connections per operation and runs units of work in a transaction.
/// </summary>
public sealed class Database(SqlDialect dialect, string connectionString) : IDisposable
{
    static Database() => DapperTypeHandlers.Register();

    public SqlDialect Dialect { get; } = dialect;

    // One writer at a time where the database allows no more (SQLite): later writers wait here, in order.
    private readonly SemaphoreSlim? _writer = dialect.SingleWriter ? new SemaphoreSlim(1, 1) : null;
    private static readonly AsyncLocal<bool> InWriterTurn = new();

    /// <summary>Creates the database itself where the provider needs it (SQL Server); SQLite creates its file on open.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        Dialect.EnsureDatabaseExistsAsync(connectionString, cancellationToken);

    private Action<string>? _observer;

    private readonly PreparedSqliteConnections? _kept =
        dialect.KeepsCompiledStatements ? new PreparedSqliteConnections(connectionString) : null;

    private readonly List<IChangeCommitHook> _commitHooks = [];

    // The entes each open transaction changed (an audit event written in it), for the commit hooks.
    private readonly ConditionalWeakTable<DbTransaction, HashSet<string>> _changedTenants = new();

    /// <summary>Runs <paramref name="hook"/> in every transaction that changed data, just before it commits (add at startup).</summary>
    public void AddCommitHook(IChangeCommitHook hook) => _commitHooks.Add(hook);

    /// <summary>Notes that <paramref name="transaction"/> changed the data of <paramref name="tenantId"/> (<see cref="AuditLog"/> does, for every event).</summary>
    public void MarkChanged(DbTransaction transaction, string tenantId)
    {
        if (_commitHooks.Count > 0) _changedTenants.GetOrCreateValue(transaction).Add(tenantId);
    }

    /// <summary>
    /// Reports the text of every command run from now on, to every observer added (tests check statements
    /// against SQL Server's grammar and count the queries of a call).
    /// </summary>
    public void ObserveCommands(Action<string> observer) => _observer += observer;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _kept is not null
            ? await _kept.OpenAsync(cancellationToken)
            : await Dialect.CreateConnection(connectionString).OpenedAsync(cancellationToken);
        return _observer is { } observer ? new RecordingConnection(connection, observer) : connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it
    /// throws. On SQLite the transaction takes the write lock up front, so concurrent writers never fail on a
    /// lock upgrade, and the writers of this process wait their turn in order (<see cref="SqlDialect.SingleWriter"/>).
    /// With <paramref name="commitWhen"/>, a result it refuses is rolled back (a preview that ran every write to
    /// check it).
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken, Func<T, bool>? commitWhen = null)
    {
        if (_writer is null) return await RunTransactionAsync(work, cancellationToken, commitWhen);
        // A transaction opened inside another would wait for itself.
        if (InWriterTurn.Value) throw new InvalidOperationException("A transaction cannot be opened inside another one.");
        await _writer.WaitAsync(cancellationToken);
        try
        {
            InWriterTurn.Value = true;
            return await RunTransactionAsync(work, cancellationToken, commitWhen);
        }
        finally
        {
            InWriterTurn.Value = false;
            _writer.Release();
        }
    }

    private async Task<T> RunTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken, Func<T, bool>? commitWhen)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(connection, transaction);
            if (commitWhen is null || commitWhen(result))
            {
                await RunCommitHooksAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else await transaction.RollbackAsync(cancellationToken);
            return result;
        }
        finally
        {
            _changedTenants.Remove(transaction);
        }
    }

    private async Task RunCommitHooksAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (!_changedTenants.TryGetValue(transaction, out var tenants)) return;
        var ordered = tenants.Order(StringComparer.Ordinal).ToList();
        foreach (var hook in _commitHooks) await hook.BeforeCommitAsync(connection, transaction, Dialect, ordered, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Closes the connections kept open.</summary>
    public void Dispose() => _kept?.Dispose();
}

internal static class ConnectionOpening
{
    /// <summary><paramref name="connection"/>, opened; disposed when it cannot be.</summary>
    public static async Task<T> OpenedAsync<T>(this T connection, CancellationToken cancellationToken) where T : DbConnection
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
