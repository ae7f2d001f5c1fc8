using System.Data.Common;
using System.Text;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Inserts many rows with multi-row <c>INSERT ... VALUES (...), (...)</c> statements: as many rows per
/// statement as the provider's parameter limit allows, the full-size statement prepared once and re-bound.
/// </summary>
public static class BulkInsert
{
    /// <summary>T-SQL takes at most 1,000 rows in one VALUES list.</summary>
    private const int MaxRowsPerStatement = 1000;

    /// <param name="table">A code constant, never input.</param>
    /// <param name="columns">Column names, code constants; <paramref name="values"/> gives one value per column.</param>
    public static async Task ExecuteAsync<T>(this DbConnection connection, DbTransaction transaction, SqlDialect dialect, string table,
        IReadOnlyList<string> columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var perStatement = Math.Min(MaxRowsPerStatement, dialect.MaxParameters / columns.Count);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                DbCommand command;
                if (count == perStatement)
                    command = full ??= Create(connection, transaction, table, columns, count);
                else
                    command = Create(connection, transaction, table, columns, count);
                try
                {
                    for (var r = 0; r < count; r++)
                    {
                        var row = values(rows[start + r]);
                        for (var c = 0; c < columns.Count; c++) Bind(command.Parameters[r * columns.Count + c], row[c]);
                    }
                    await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    if (command != full) await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r * columns.Count + c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static void Bind(DbParameter parameter, object? value)
    {
        if (value is decimal) parameter.DbType = System.Data.DbType.Decimal;
        parameter.Value = value ?? DBNull.Value;
    }
}
