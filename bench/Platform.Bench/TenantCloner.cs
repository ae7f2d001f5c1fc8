using Dapper;
using Microsoft.Data.Sqlite;

namespace Platform.Bench;

/// <summary>
/// Bulk-loads synthetic tenants into a service's SQLite database: every row of every tenant-scoped table is
/// copied once per new tenant with only <c>tenant_id</c> changed, in one INSERT … SELECT per table and chunk
/// of tenants. Integer row ids the database assigns are left out so they are assigned afresh.
/// </summary>
public static class TenantCloner
{
    private const int TenantsPerStatement = 50;

    /// <returns>Rows inserted.</returns>
    public static long Clone(string databaseFile, string sourceTenant, int copies, Action<string> progress)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            DefaultTimeout = 60,
        }.ToString());
        connection.Open();
        var tables = connection.Query<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").ToList();
        long inserted = 0;
        for (var first = 1; first <= copies; first += TenantsPerStatement)
        {
            var last = Math.Min(copies, first + TenantsPerStatement - 1);
            using var transaction = connection.BeginTransaction();
            foreach (var table in tables)
            {
                var columns = connection.Query<(long Cid, string Name, string Type, long NotNull, object? Default, long Pk)>(
                    $"SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')", transaction: transaction).ToList();
                if (!columns.Any(c => c.Name == "tenant_id")) continue;
                var rowId = columns.Count(c => c.Pk > 0) == 1 && columns.Single(c => c.Pk > 0).Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)
                    ? columns.Single(c => c.Pk > 0).Name : null;
                var copied = columns.Where(c => c.Name != rowId).Select(c => $"\"{c.Name}\"").ToList();
                var values = copied.Select(c => c == "\"tenant_id\"" ? "printf('bench-%04d', n.i)" : $"t.{c}");
                inserted += connection.Execute($"""
                    WITH RECURSIVE n(i) AS (SELECT @First UNION ALL SELECT i + 1 FROM n WHERE i < @Last)
                    INSERT INTO "{table}" ({string.Join(", ", copied)})
                    SELECT {string.Join(", ", values)} FROM "{table}" AS t CROSS JOIN n WHERE t.tenant_id = @Source
                    """, new { First = first, Last = last, Source = sourceTenant }, transaction, commandTimeout: 600);
            }
            transaction.Commit();
            progress($"{last:N0} / {copies:N0} tenants");
        }
        return inserted;
    }
}
