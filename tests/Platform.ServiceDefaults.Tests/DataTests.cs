using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Tests;

public sealed class DataTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("platform-data-test-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Database NewSqlite() => DatabaseSettings.Create(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PLATFORM_DATA_DIR"] = _directory }).Build(),
        "unit");

    [Fact]
    public void Sql_server_scripts_split_on_go_lines_only()
    {
        var batches = MigrationRunner.Batches("CREATE TABLE a (x INT);\nGO\nCREATE INDEX ix ON a (x); -- GOOD\n  go  \n\n").ToList();
        Assert.Equal(2, batches.Count);
        Assert.Contains("GOOD", batches[1]);
    }

    [Fact]
    public async Task Migrations_apply_once_and_record_the_journal()
    {
        var database = NewSqlite();
        var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
        Migration[] migrations =
        [
            new("unit", 1, "things", "CREATE TABLE things (id INTEGER PRIMARY KEY, amount TEXT NOT NULL);"),
            new("unit", 2, "more", "ALTER TABLE things ADD COLUMN note TEXT;"),
        ];

        await runner.ApplyAsync(migrations, CancellationToken.None);
        await runner.ApplyAsync(migrations, CancellationToken.None);

        var journal = await database.QueryAsync<int>("SELECT version FROM schema_migrations WHERE module = 'unit' ORDER BY version", null, CancellationToken.None);
        Assert.Equal([1, 2], journal);
        var mode = await database.QuerySingleOrDefaultAsync<string>("PRAGMA journal_mode", null, CancellationToken.None);
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Two_migrations_with_one_number_are_refused_before_either_runs()
    {
        var database = NewSqlite();
        var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
        Migration[] migrations =
        [
            new("unit", 3, "index", "CREATE TABLE indexed (id INTEGER);"),
            new("unit", 3, "listings", "CREATE TABLE listed (id INTEGER);"),
        ];

        var clash = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ApplyAsync(migrations, CancellationToken.None));

        Assert.Contains("index, listings", clash.Message);
        Assert.Empty(await database.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name IN ('indexed', 'listed')", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind()
    {
        var database = NewSqlite();
        var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
        Migration[] migrations = [new("unit", 1, "broken", "CREATE TABLE half (id INTEGER); CREATE TABLE half (id INTEGER);")];

        await Assert.ThrowsAsync<SqliteException>(() => runner.ApplyAsync(migrations, CancellationToken.None));

        var tables = await database.QueryAsync<string>("SELECT name FROM sqlite_master WHERE name = 'half'", null, CancellationToken.None);
        Assert.Empty(tables);
    }

    [Fact]
    public async Task A_writer_waiting_for_its_turn_stops_when_its_caller_gives_up()
    {
        var database = NewSqlite();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter VALUES (0);");
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction);
            holding.SetResult();
            await release.Task;
            return 1;
        }, CancellationToken.None);
        await holding.Task;

        // Queued behind the first writer, not sleeping in the provider's busy loop (which would give up only
        // after its 30 s timeout, with "database is locked").
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var waited = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync("UPDATE counter SET n = n + 10", transaction: transaction),
            giveUp.Token));
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {waited.Elapsed}");

        release.SetResult();
        await first;
        var writers = Enumerable.Range(0, 20).Select(_ => database.InTransactionAsync(
            (connection, transaction) => connection.ExecuteAsync("UPDATE counter SET n = n + 1", transaction: transaction),
            CancellationToken.None));
        await Task.WhenAll(writers);
        Assert.Equal(21, await database.QuerySingleOrDefaultAsync<int>("SELECT n FROM counter", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_transaction_inside_another_is_refused_instead_of_waiting_for_itself()
    {
        var database = NewSqlite();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => database.InTransactionAsync(
            (_, _) => database.InTransactionAsync((_, _) => Task.FromResult(1), CancellationToken.None), CancellationToken.None));
        Assert.Contains("inside another", refused.Message);
    }

    [Fact]
    public async Task Decimals_and_times_round_trip_exactly_through_sqlite()
    {
        var database = NewSqlite();
        var moment = new DateTime(2023, 12, 31, 23, 59, 59, 123, DateTimeKind.Utc).AddTicks(4567);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE money (amount TEXT NOT NULL, at TEXT NOT NULL)");
            await connection.ExecuteAsync("INSERT INTO money VALUES (@Amount, @At)",
                new { Amount = 30_129_876_543.21m, At = moment });
        }

        var row = await database.QuerySingleOrDefaultAsync<(decimal Amount, DateTime At)>("SELECT amount, at FROM money", null, CancellationToken.None);
        Assert.Equal(30_129_876_543.21m, row.Amount);
        Assert.Equal(moment, row.At);
        Assert.Equal(DateTimeKind.Utc, row.At.Kind);
    }

    [Fact]
    public async Task Bulk_insert_writes_every_row_across_full_and_partial_statements()
    {
        var database = NewSqlite();
        // More rows than one statement holds at the dialect's limit, and not a multiple of it.
        var rows = Enumerable.Range(0, database.Dialect.MaxParameters * 2 + 7)
            .Select(i => (Id: $"r{i:000}", Amount: i + 0.25m, Note: i % 3 == 0 ? null : $"nota {i}")).ToList();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE rows (id TEXT NOT NULL PRIMARY KEY, amount TEXT NOT NULL, note TEXT NULL)");
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(transaction, database.Dialect, "rows", ["id", "amount", "note"], rows,
                r => [r.Id, r.Amount, r.Note], CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await database.QueryAsync<(string Id, decimal Amount, string? Note)>(
            "SELECT id, amount, note FROM rows ORDER BY id", null, CancellationToken.None);
        Assert.Equal(rows, stored);
    }

    [Fact]
    public void Sql_server_provider_needs_a_connection_string()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
        }).Build();
        Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create(configuration, "unit"));

        var withConnection = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:unit"] = "Server=db;Database=unit;User Id=sa;Password=x;TrustServerCertificate=true",
        }).Build();
        Assert.Same(SqlDialect.SqlServer, DatabaseSettings.Create(withConnection, "unit").Dialect);
    }

    [Fact]
    public void Audit_diff_lists_only_changed_fields()
    {
        var before = new Dictionary<string, string?> { ["title"] = "A", ["year"] = "2023", ["note"] = null };
        var after = new Dictionary<string, string?> { ["title"] = "B", ["year"] = "2023", ["note"] = "n" };
        Assert.Equal([new FieldChange("title", "A", "B"), new FieldChange("note", null, "n")], AuditLog.Diff(before, after));
    }
}
