using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Platform.ServiceDefaults.Data;

namespace Platform.Testing;

/// <summary>
/// Checks SQL against SQL Server's grammar with ScriptDom, so every statement and migration is known to be
/// valid T-SQL even where no SQL Server runs (set PLATFORM_TEST_SQLSERVER to run them on a real server).
/// </summary>
public static partial class SqlServerSyntax
{
    private static readonly ConcurrentDictionary<string, string?> Checked = new();

    /// <summary>The parse errors of <paramref name="sql"/>, or null when SQL Server would accept it.</summary>
    public static string? Check(string sql) => Checked.GetOrAdd(sql, static text =>
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        parser.Parse(reader, out var errors);
        return errors.Count == 0
            ? null
            : string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"));
    });

    /// <summary>
    /// The statement as the service sends it to SQL Server. Queries are written once and take only their row
    /// limit from the dialect, so the SQLite rendering maps back exactly.
    /// </summary>
    public static string FromSqlite(string sql) =>
        SqliteLimit().Replace(sql, m => SqlDialect.SqlServer.Limit(m.Groups["parameter"].Value));

    /// <summary>Statements of the SQLite set-up that have their own SQL Server counterparts in the dialect.</summary>
    public static bool IsSqliteHousekeeping(string sql) =>
        sql == SqlDialect.Sqlite.SetupSql || sql == SqlDialect.Sqlite.CreateJournalSql || sql.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every batch of every SQL Server migration embedded in <paramref name="assembly"/>, with its errors.</summary>
    public static IEnumerable<(string Migration, string? Errors)> CheckMigrations(Assembly assembly, string module)
    {
        foreach (var migration in MigrationRunner.Discover(assembly, module, SqlDialect.SqlServer))
            foreach (var batch in MigrationRunner.Batches(migration.Sql))
                yield return ($"{module} {migration.Version:0000}_{migration.Name}", Check(batch));
    }

    [GeneratedRegex(@"\bLIMIT\s+(?<parameter>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteLimit();
}
