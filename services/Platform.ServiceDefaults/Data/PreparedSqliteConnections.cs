using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Open SQLite connections kept with their compiled statements. Microsoft.Data.Sqlite compiles a command's SQL
/// again for every new command object and runs the connection's pragmas on every open, even from its pool;
/// on a simple read that was a tenth of the service's CPU. Here a connection stays open between operations
/// and keeps up to <see cref="MaxStatements"/> compiled statements, keyed by their text, for the next
/// operation that runs the same SQL. SQLite recompiles a kept statement by itself when the schema changes.
/// </summary>
internal sealed class PreparedSqliteConnections(string connectionString) : IDisposable
{
    /// <summary>Connections kept open when idle; more may be open at once, and are closed when returned.</summary>
    public static readonly int MaxIdle = Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>Compiled statements kept per connection, the least recently used dropped first.</summary>
    public const int MaxStatements = 128;

    private readonly Lock _lock = new();
    private readonly Stack<Slot> _idle = new();
    private bool _disposed;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Slot? slot = null;
        lock (_lock)
            if (_idle.Count > 0) slot = _idle.Pop();
        slot ??= new Slot(await new SqliteConnection(connectionString).OpenedAsync(cancellationToken));
        return new Lease(this, slot);
    }

    private void Return(Slot slot)
    {
        if (slot.Connection.State == ConnectionState.Open)
            lock (_lock)
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(slot);
                    return;
                }
        slot.Close();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_idle.Count > 0) _idle.Pop().Close();
        }
    }

    /// <summary>One open connection and its compiled statements; used by one lease at a time.</summary>
    private sealed class Slot(SqliteConnection connection)
    {
        private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _statements = new(StringComparer.Ordinal);
        private readonly LinkedList<SqliteCommand> _recent = new();

        public SqliteConnection Connection { get; } = connection;

        /// <summary>A command for <paramref name="sql"/>, compiled already if an earlier operation ran it; the caller owns it until <see cref="Keep"/>.</summary>
        public SqliteCommand Take(string sql)
        {
            if (_statements.Remove(sql, out var node))
            {
                _recent.Remove(node);
                return node.Value;
            }
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }

        public void Keep(SqliteCommand command)
        {
            command.Parameters.Clear();
            command.Transaction = null;
            if (_statements.ContainsKey(command.CommandText))
            {
                command.Dispose();
                return;
            }
            _statements[command.CommandText] = _recent.AddFirst(command);
            if (_recent.Count <= MaxStatements) return;
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _statements.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }

        public void Close()
        {
            foreach (var command in _recent) command.Dispose();
            _recent.Clear();
            _statements.Clear();
            Connection.Dispose();
        }
    }

    /// <summary>What an operation holds: the slot's connection until disposed, then the slot goes back.</summary>
    private sealed class Lease(PreparedSqliteConnections owner, Slot slot) : DbConnection
    {
        private Slot? _slot = slot;
        private SqliteTransaction? _transaction;

        private Slot Slot => _slot ?? throw new ObjectDisposedException(nameof(DbConnection));

        [AllowNull]
        public override string ConnectionString
        {
            get => Slot.Connection.ConnectionString;
            set => throw new NotSupportedException("A kept connection's connection string is fixed.");
        }

        public override string Database => Slot.Connection.Database;
        public override string DataSource => Slot.Connection.DataSource;
        public override string ServerVersion => Slot.Connection.ServerVersion;
        public override ConnectionState State => _slot is null ? ConnectionState.Closed : _slot.Connection.State;

        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();
        public override void Open() { }
        public override Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Close() => Dispose(true);

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
            _transaction = Slot.Connection.BeginTransaction(isolationLevel);

        protected override DbCommand CreateDbCommand() => new PreparedCommand(this);

        internal SqliteCommand Take(string sql) => Slot.Take(sql);

        internal void Keep(SqliteCommand command)
        {
            // A command disposed after its lease ended must not touch the connection's next user.
            _slot?.Keep(command);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _slot is { } kept)
            {
                // A transaction left open rolls back here, not in the next operation.
                _transaction?.Dispose();
                _transaction = null;
                _slot = null;
                owner.Return(kept);
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A command whose parameters are its own and whose compiled statement is taken from the connection when it
    /// first runs, and kept for the next operation when it is disposed (a reader is disposed before its command).
    /// </summary>
    private sealed class PreparedCommand(Lease lease) : DbCommand
    {
        private readonly SqliteParameterCollection _parameters = new OwnParameters();
        private SqliteCommand? _compiled;
        private string _commandText = "";

        [AllowNull]
        public override string CommandText
        {
            get => _commandText;
            set
            {
                var text = value ?? "";
                if (text == _commandText) return;
                Release();
                _commandText = text;
            }
        }

        public override int CommandTimeout { get; set; } = 30;
        public override CommandType CommandType { get; set; } = CommandType.Text;
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get => lease; set => throw new NotSupportedException(); }
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() => _compiled?.Cancel();
        public override void Prepare() => Ready().Prepare();
        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();
        public override object? ExecuteScalar() => Ready().ExecuteScalar();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

        public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
            Ready().ExecuteNonQueryAsync(cancellationToken);

        public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
            Ready().ExecuteScalarAsync(cancellationToken);

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            await Ready().ExecuteReaderAsync(behavior, cancellationToken);

        /// <summary>The compiled command with this command's transaction, timeout and parameters.</summary>
        private SqliteCommand Ready()
        {
            if (CommandType != CommandType.Text) throw new NotSupportedException("SQLite runs text commands only.");
            var compiled = _compiled ??= lease.Take(_commandText);
            compiled.Transaction = (SqliteTransaction?)DbTransaction;
            compiled.CommandTimeout = CommandTimeout;
            compiled.Parameters.Clear();
            foreach (SqliteParameter parameter in _parameters) compiled.Parameters.Add(parameter);
            return compiled;
        }

        private void Release()
        {
            if (_compiled is null) return;
            lease.Keep(_compiled);
            _compiled = null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Release();
            base.Dispose(disposing);
        }

        private sealed class OwnParameters : SqliteParameterCollection;
    }
}
