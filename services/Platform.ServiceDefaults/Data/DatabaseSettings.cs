using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Chooses the provider from configuration. <c>Database:Provider</c> = <c>Sqlite</c> (default) or
/// <c>SqlServer</c>; the connection string is <c>ConnectionStrings:{service}</c>. Without one, SQLite uses
/// <c>{PLATFORM_DATA_DIR}/{service}.db</c> (default data directory <c>./data</c>).
/// </summary>
public static class DatabaseSettings
{
    public static Database Create(IConfiguration configuration, string serviceName)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(serviceName);
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{serviceName} is empty");
            return new Database(SqlDialect.SqlServer, connectionString);
        }
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}' (use Sqlite or SqlServer)");

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.GetFullPath(configuration["PLATFORM_DATA_DIR"] ?? "data");
            Directory.CreateDirectory(dataDirectory);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, serviceName + ".db"),
                ForeignKeys = true,
                DefaultTimeout = 30,
            }.ToString();
        }
        return new Database(SqlDialect.Sqlite, connectionString);
    }
}
