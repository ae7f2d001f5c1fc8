using System.Reflection;
using Platform.ServiceDefaults.Data;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Every migration of every service exists for both providers, and every SQL Server batch parses as T-SQL.
/// (The statements the services run are checked the same way by every API test, see ServiceFactory.)
/// </summary>
public sealed class SqlServerScriptTests
{
    public static TheoryData<string> Modules() => ["platform", "objectives", "indicators", "finance"];

    private static Assembly AssemblyOf(string module) => module switch
    {
        "platform" => typeof(MigrationRunner).Assembly,
        "objectives" => typeof(Platform.Objectives.ObjectivesGrpcService).Assembly,
        "indicators" => typeof(Platform.Indicators.IndicatorsGrpcService).Assembly,
        "finance" => typeof(Platform.Finance.FinanceGrpcService).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void Sql_server_migrations_parse_as_t_sql(string module)
    {
        var results = SqlServerSyntax.CheckMigrations(AssemblyOf(module), module).ToList();

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Errors is null, $"{r.Migration}: {r.Errors}"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Both_providers_have_the_same_migrations(string module)
    {
        var sqlite = MigrationRunner.Discover(AssemblyOf(module), module, SqlDialect.Sqlite);
        var sqlServer = MigrationRunner.Discover(AssemblyOf(module), module, SqlDialect.SqlServer);
        Assert.Equal(sqlite.Select(m => (m.Version, m.Name)), sqlServer.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public void The_sql_server_set_up_statements_parse_as_t_sql()
    {
        foreach (var sql in new[] { SqlDialect.SqlServer.SetupSql, SqlDialect.SqlServer.CreateJournalSql, SqlDialect.SqlServer.MigrationLockSql! })
            Assert.True(SqlServerSyntax.Check(sql) is null, $"{sql}: {SqlServerSyntax.Check(sql)}");
    }

    [Fact]
    public void The_checker_rejects_sqlite_only_syntax()
    {
        Assert.Null(SqlServerSyntax.Check(SqlServerSyntax.FromSqlite("SELECT a FROM t WHERE b > @After ORDER BY a LIMIT @Limit")));
        Assert.NotNull(SqlServerSyntax.Check("INSERT OR REPLACE INTO t (a) VALUES (1)"));
        Assert.NotNull(SqlServerSyntax.Check("SELECT a FROM t LIMIT 5"));
        Assert.NotNull(SqlServerSyntax.Check("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)"));
    }
}

/// <summary>The API test hosts report statements SQL Server would not accept, as they report error logs.</summary>
public sealed class StatementCheckTests : IDisposable
{
    private readonly ServiceFactory<Platform.Objectives.ObjectivesGrpcService> _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_statement_in_sqlite_only_syntax_shows_up_as_a_problem()
    {
        using var client = _factory.CreateRestClient();
        (await client.GetAsync("/v1/plans")).EnsureSuccessStatusCode();
        Assert.Empty(_factory.Problems);

        var database = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Database>(_factory.Services);
        await database.QueryAsync<int>("SELECT 1 AS one ORDER BY one LIMIT 1", null, CancellationToken.None);

        Assert.Contains(_factory.Problems, e => e.StartsWith("Not valid T-SQL") && e.Contains("LIMIT 1"));
    }
}
