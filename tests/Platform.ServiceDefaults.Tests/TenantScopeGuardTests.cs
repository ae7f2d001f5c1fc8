using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The guard every API test runs over the statements its service sent (issue 10, item 4).</summary>
public sealed class TenantScopeGuardTests
{
    [Theory]
    [InlineData("SELECT title FROM plans WHERE plan_id = @PlanId", "SELECT on plans")]
    [InlineData("SELECT title FROM plans WHERE plan_id = @PlanId -- AND tenant_id = @TenantId", "SELECT on plans")]
    [InlineData("SELECT o.title FROM objectives o JOIN plans p ON p.plan_id = o.plan_id WHERE o.tenant_id = @TenantId", "SELECT on plans")]
    [InlineData("UPDATE plans SET title = @Title WHERE plan_id = @PlanId", "UPDATE on plans")]
    [InlineData("DELETE FROM indicator_periods WHERE indicator_id = @Id", "DELETE on indicator_periods")]
    [InlineData("INSERT INTO audit_events (resource, action) VALUES (@Resource, @Action)", "INSERT into audit_events")]
    [InlineData("SELECT code FROM objectives WHERE tenant_id = @TenantId AND code IN (SELECT code FROM objective_terms WHERE value = @V)", "SELECT on objective_terms")]
    [InlineData("SELECT title FROM plans WHERE title = 'tenant_id = 1'", "SELECT on plans")]
    public void A_statement_without_its_tenant_predicate_is_reported(string sql, string expected) =>
        Assert.Contains(expected, TenantScopeGuard.Check(sql) ?? "(nothing reported)");

    [Theory]
    [InlineData("SELECT title FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId")]
    [InlineData("SELECT o.title FROM objectives o JOIN plans p ON p.tenant_id = o.tenant_id AND p.plan_id = o.plan_id WHERE o.tenant_id = @TenantId")]
    [InlineData("UPDATE plans SET title = @Title WHERE tenant_id = @TenantId AND plan_id = @PlanId")]
    [InlineData("DELETE FROM indicator_periods WHERE tenant_id = @TenantId AND indicator_id = @Id")]
    [InlineData("INSERT INTO audit_events (tenant_id, resource) VALUES (@TenantId, @Resource)")]
    [InlineData("WITH tree AS (SELECT code FROM objectives WHERE tenant_id = @TenantId) SELECT code FROM tree")]
    [InlineData("SELECT version FROM schema_migrations WHERE module = @Module")]
    public void A_scoped_statement_passes(string sql) => Assert.Null(TenantScopeGuard.Check(sql));
}
