using System.Data.Common;
using Dapper;
using Google.Protobuf;
using Platform.Imports.V1;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Committed imports by client-chosen request id, written in the import's own transaction: a retried commit
/// finds the first one's summary and imports nothing.
/// </summary>
public sealed class ImportRequests(TimeProvider clock)
{
    public const int MaxRequestIdLength = 100;

    public async Task<ImportSummary?> FindAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        string requestId, CancellationToken ct)
    {
        var summary = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT summary FROM import_requests WHERE tenant_id = @TenantId AND request_id = @RequestId",
            new { who.TenantId, RequestId = requestId }, transaction, cancellationToken: ct));
        return summary is null ? null : JsonParser.Default.Parse<ImportSummary>(summary);
    }

    public Task RecordAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, string parent,
        ImportSummary summary, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO import_requests (tenant_id, request_id, parent, summary, created_at, created_by)
            VALUES (@TenantId, @RequestId, @Parent, @Summary, @CreatedAt, @CreatedBy)
            """, new
            {
                who.TenantId, summary.RequestId, Parent = parent, Summary = JsonFormatter.Default.Format(summary),
                CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = who.UserId,
            }, transaction, cancellationToken: ct));
}
