using Dapper;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Quality;

/// <summary>An ente's rule settings and silences; every change is audited in its own transaction.</summary>
public sealed class QualityStore(Database database, AuditLog audit, TimeProvider clock)
{
    public async Task<QualityState> LoadAsync(RequestIdentity who, CancellationToken ct)
    {
        var settings = await database.QueryAsync<SettingRow>(
            "SELECT rule_code AS RuleCode, enabled, severity FROM quality_rule_settings WHERE tenant_id = @TenantId", new { who.TenantId }, ct);
        var silences = await database.QueryAsync<SilenceRow>("""
            SELECT rule_code AS RuleCode, resource, reason FROM quality_silences
            WHERE tenant_id = @TenantId
            """, new { who.TenantId }, ct);
        return new QualityState(
            settings.ToDictionary(s => s.RuleCode, s => new RuleSetting(s.RuleCode, s.Enabled, Enum.Parse<Severity>(s.Severity))),
            silences.ToDictionary(s => (s.RuleCode, s.Resource), s => s.Reason));
    }

    public async Task SaveSettingAsync(RequestIdentity who, RuleSetting setting, CancellationToken ct) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<SettingRow>(new CommandDefinition(
                "SELECT rule_code AS RuleCode, enabled, severity FROM quality_rule_settings WHERE tenant_id = @TenantId AND rule_code = @Rule",
                new { who.TenantId, setting.Rule }, transaction, cancellationToken: ct));
            var row = new { who.TenantId, setting.Rule, setting.Enabled, Severity = setting.Severity.ToString(), UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = who.UserId };
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM quality_rule_settings WHERE tenant_id = @TenantId AND rule_code = @Rule", row, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO quality_rule_settings (tenant_id, rule_code, enabled, severity, updated_at, updated_by)
                VALUES (@TenantId, @Rule, @Enabled, @Severity, @UpdatedAt, @UpdatedBy)
                """, row, transaction, cancellationToken: ct));
            await audit.WriteAsync(connection, transaction, who, "qualityRules/" + setting.Rule, "update_quality_rule",
                AuditLog.Diff(Fields(before?.Enabled, before?.Severity), Fields(setting.Enabled, setting.Severity.ToString())), ct);
            return 0;
        }, ct);

    /// <summary>Silences (or re-silences with a new reason) one rule for one resource.</summary>
    public Task<Silence> SilenceAsync(RequestIdentity who, string rule, string resource, string reason, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await ReasonAsync(connection, transaction, who, rule, resource, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var row = new { who.TenantId, Rule = rule, Resource = resource, Reason = reason, CreatedAt = now, CreatedBy = who.UserId };
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM quality_silences WHERE tenant_id = @TenantId AND rule_code = @Rule AND resource = @Resource",
                row, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO quality_silences (tenant_id, rule_code, resource, reason, created_at, created_by)
                VALUES (@TenantId, @Rule, @Resource, @Reason, @CreatedAt, @CreatedBy)
                """, row, transaction, cancellationToken: ct));
            await audit.WriteAsync(connection, transaction, who, resource, "silence_finding",
                [new FieldChange(SilenceField(rule), before, reason)], ct);
            return new Silence { Rule = rule, Resource = resource, Reason = reason, CreateUser = who.UserId, CreateTime = now.ToTimestamp() };
        }, ct);

    /// <summary>Removes a silence; NOT_FOUND when the rule was not silenced for the resource.</summary>
    public Task UnsilenceAsync(RequestIdentity who, string rule, string resource, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await ReasonAsync(connection, transaction, who, rule, resource, ct)
                ?? throw ApiErrors.NotFound($"{resource} silence {rule}");
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM quality_silences WHERE tenant_id = @TenantId AND rule_code = @Rule AND resource = @Resource",
                new { who.TenantId, Rule = rule, Resource = resource }, transaction, cancellationToken: ct));
            await audit.WriteAsync(connection, transaction, who, resource, "unsilence_finding",
                [new FieldChange(SilenceField(rule), before, null)], ct);
            return 0;
        }, ct);

    private static string SilenceField(string rule) => "quality_silence." + rule;

    private static Task<string?> ReasonAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        RequestIdentity who, string rule, string resource, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT reason FROM quality_silences WHERE tenant_id = @TenantId AND rule_code = @Rule AND resource = @Resource
            """, new { who.TenantId, Rule = rule, Resource = resource }, transaction, cancellationToken: ct));

    private static Dictionary<string, string?> Fields(bool? enabled, string? severity) => new()
    {
        ["enabled"] = enabled is null ? null : enabled.Value ? "true" : "false",
        ["severity"] = severity,
    };

    private sealed class SettingRow
    {
        public string RuleCode { get; init; } = "";
        public bool Enabled { get; init; }
        public string Severity { get; init; } = "";
    }

    private sealed class SilenceRow
    {
        public string RuleCode { get; init; } = "";
        public string Resource { get; init; } = "";
        public string Reason { get; init; } = "";
    }
}
