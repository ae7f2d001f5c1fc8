namespace Platform.ServiceDefaults.Data;

public static class SqlText
{
    /// <summary>
    /// Escapes <c>%</c>, <c>_</c> and the escape character itself for a LIKE pattern written with
    /// <c>ESCAPE '\'</c> (the same on SQLite and SQL Server).
    /// </summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
