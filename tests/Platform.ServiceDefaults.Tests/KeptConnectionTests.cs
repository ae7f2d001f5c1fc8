using Dapper;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Tests;

/// <summary>SQLite connections kept open with their compiled statements, seen through <see cref="Database"/>.</summary>
public sealed class KeptConnectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("platform-kept-test-").FullName;
    private readonly Database _database;

    public KeptConnectionTests()
    {
        _database = DatabaseSettings.Create(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PLATFORM_DATA_DIR"] = _directory }).Build(), "kept");
        using var connection = _database.OpenAsync(CancellationToken.None).Result;
        connection.Execute("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        connection.Execute("INSERT INTO things (id, name) VALUES (1, 'uno'), (2, 'due'), (3, 'tre')");
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private const string ById = "SELECT name FROM things WHERE id = @Id";

    [Fact]
    public async Task The_connection_stays_open_between_operations()
    {
        // A temporary table lives as long as its connection: the next operation sees it only on the kept one.
        await using (var first = await _database.OpenAsync(CancellationToken.None))
            await first.ExecuteAsync("CREATE TEMP TABLE scratch (x INTEGER)");
        await using var second = await _database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await second.ExecuteScalarAsync<int>("SELECT count(*) FROM scratch"));
    }

    [Fact]
    public async Task A_kept_statement_binds_each_operations_own_values()
    {
        foreach (var (id, name) in new[] { (1, "uno"), (2, "due"), (3, "tre"), (1, "uno"), (9, (string?)null) })
            Assert.Equal(name, await _database.QuerySingleOrDefaultAsync<string>(ById, new { Id = id }, CancellationToken.None));
    }

    [Fact]
    public async Task A_kept_statement_sees_a_later_schema_change()
    {
        Assert.Equal(2, (await _database.QueryAsync<dynamic>("SELECT * FROM things WHERE id = 1", null, CancellationToken.None))
            .Cast<IDictionary<string, object>>().Single().Count);
        await using (var connection = await _database.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync("ALTER TABLE things ADD COLUMN note TEXT");
        var row = (await _database.QueryAsync<dynamic>("SELECT * FROM things WHERE id = 1", null, CancellationToken.None))
            .Cast<IDictionary<string, object>>().Single();
        Assert.Equal(["id", "name", "note"], row.Keys);
    }

    [Fact]
    public async Task A_transaction_left_open_is_rolled_back_before_the_connection_is_used_again()
    {
        await using (var connection = await _database.OpenAsync(CancellationToken.None))
        {
            var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("UPDATE things SET name = 'perso' WHERE id = 1", transaction: transaction);
            // Neither committed nor disposed by its caller.
        }
        Assert.Equal("uno", await _database.QuerySingleOrDefaultAsync<string>(ById, new { Id = 1 }, CancellationToken.None));
        // The connection takes a new transaction, as after any other operation.
        await _database.InTransactionAsync((c, t) => c.ExecuteAsync("UPDATE things SET name = 'one' WHERE id = 1", transaction: t), CancellationToken.None);
        Assert.Equal("one", await _database.QuerySingleOrDefaultAsync<string>(ById, new { Id = 1 }, CancellationToken.None));
    }

    [Fact]
    public async Task More_statements_than_a_connection_keeps_all_run()
    {
        for (var i = 0; i < 300; i++)
            Assert.Equal(i, await _database.QuerySingleOrDefaultAsync<int>($"SELECT {i}", null, CancellationToken.None));
        Assert.Equal("due", await _database.QuerySingleOrDefaultAsync<string>(ById, new { Id = 2 }, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_operations_each_get_a_connection_of_their_own()
    {
        var reads = Enumerable.Range(0, 64).Select(async i =>
        {
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            // Two readers of one text open at once on one connection: each needs its own statement.
            using var outer = await connection.ExecuteReaderAsync("SELECT id FROM things ORDER BY id");
            var names = new List<string>();
            while (await outer.ReadAsync())
            {
                names.Add(await connection.QuerySingleAsync<string>(ById, new { Id = outer.GetInt64(0) }));
                Assert.Equal(3, (await connection.QueryAsync<long>("SELECT id FROM things ORDER BY id")).Count());
            }
            await Task.Yield();
            Assert.Equal(["uno", "due", "tre"], names);
            return i;
        });
        Assert.Equal(64, (await Task.WhenAll(reads)).Length);
    }
}
