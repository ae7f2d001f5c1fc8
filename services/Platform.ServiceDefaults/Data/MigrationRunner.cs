using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Data;

/// <summary>One numbered script of one module, e.g. module <c>objectives</c>, <c>0001_plans.sql</c>.</summary>
public sealed record Migration(string Module, int Version, string Name, string Sql);

/// <summary>
/// Applies embedded, numbered SQL scripts (<c>Migrations/{Sqlite|SqlServer}/0001_name.sql</c>) in order, each
/// in its own transaction together with its journal row. SQL Server scripts may be split into batches with
/// <c>GO</c> lines.
/// </summary>
public sealed partial class MigrationRunner(Database database, ILogger<MigrationRunner> logger)
{
    [GeneratedRegex(@"^migrations/(?<provider>[^/]+)/(?<version>\d{4})_(?<name>[\w-]+)\.sql$")]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    /// <summary>The scripts for <paramref name="dialect"/> embedded in <paramref name="assembly"/>, in order.</summary>
    public static IReadOnlyList<Migration> Discover(Assembly assembly, string module, SqlDialect dialect)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success || match.Groups["provider"].Value != dialect.Name) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(module, int.Parse(match.Groups["version"].Value),
                match.Groups["name"].Value, reader.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Version).ToList();
    }

    /// <summary>Splits a script into the batches the server runs one at a time.</summary>
    public static IEnumerable<string> Batches(string sql) =>
        BatchSeparator().Split(sql).Where(batch => !string.IsNullOrWhiteSpace(batch));

    public async Task ApplyAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken)
    {
        // The journal keys on (module, version): a second script with a taken number would never run.
        if (migrations.GroupBy(m => (m.Module, m.Version)).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new InvalidOperationException($"Migrations of {clash.Key.Module} share version {clash.Key.Version:D4}: " +
                string.Join(", ", clash.Select(m => m.Name)) + "; give each its own number.");
        await database.EnsureCreatedAsync(cancellationToken);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.SetupSql, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.CreateJournalSql, cancellationToken: cancellationToken));
        }

        foreach (var migration in migrations)
        {
            var applied = await database.InTransactionAsync(async (connection, transaction) =>
            {
                // Read inside the transaction, under the lock: another replica may have applied it meanwhile.
                if (database.Dialect.MigrationLockSql is { } lockSql)
                    await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: transaction, cancellationToken: cancellationToken));
                var done = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_migrations WHERE module = @Module AND version = @Version",
                    migration, transaction, cancellationToken: cancellationToken));
                if (done > 0) return false;
                foreach (var batch in Batches(migration.Sql))
                    await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (@Module, @Version, @Name, @AppliedAt)",
                    new { migration.Module, migration.Version, migration.Name, AppliedAt = DateTime.UtcNow },
                    transaction, cancellationToken: cancellationToken));
                return true;
            }, cancellationToken);
            if (applied)
                logger.LogInformation("Applied migration {Module} {Version:0000}_{Name}", migration.Module, migration.Version, migration.Name);
        }
    }
}
