using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Platform.Web.Session;

namespace Platform.Web.Api;

/// <summary>
/// The gateway's public REST API, called with the caller's identity (the API token of their session, if any);
/// anonymous calls name the ente with <c>?ente=</c>. A 404 from the API is <c>null</c> here.
/// </summary>
public sealed partial class PlatformApi(HttpClient http, IHttpContextAccessor context)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<PlanList?> ListPlansAsync(string ente) => GetAsync<PlanList>($"v1/plans?pageSize=500&ente={E(ente)}");

    public Task<Plan?> GetPlanAsync(string ente, string plan) => GetAsync<Plan>($"v1/plans/{E(plan)}?ente={E(ente)}");

    public Task<PlanTree?> GetTreeAsync(string ente, string plan) => GetAsync<PlanTree>($"v1/plans/{E(plan)}:tree?ente={E(ente)}");

    public Task<Scorecard?> GetScorecardAsync(string ente, string plan, int year, string? objective = null) =>
        GetAsync<Scorecard>($"v1/scorecards/{E(plan)}?year={year}&ente={E(ente)}" + (objective is null ? "" : $"&objective={E(objective)}"));

    public Task<Objective?> GetObjectiveAsync(string ente, string plan, string code) =>
        GetAsync<Objective>($"v1/plans/{E(plan)}/objectives/{E(code)}?ente={E(ente)}");

    public Task<ProgressReportList?> ListReportsAsync(string ente, string plan, string code) =>
        GetAsync<ProgressReportList>($"v1/plans/{E(plan)}/objectives/{E(code)}/reports?pageSize=500&ente={E(ente)}");

    /// <summary>The objective's audit trail (staff only; null for a citizen).</summary>
    public Task<AuditEventList?> ListObjectiveAuditAsync(string ente, string plan, string code) =>
        GetAsync<AuditEventList>($"v1/plans/{E(plan)}/objectives/{E(code)}/auditEvents?pageSize=100&ente={E(ente)}");

    public Task<Indicator?> GetIndicatorAsync(string ente, string id) => GetAsync<Indicator>($"v1/indicators/{E(id)}?ente={E(ente)}");

    public Task<PeriodList?> ListPeriodsAsync(string ente, string id) =>
        GetAsync<PeriodList>($"v1/indicators/{E(id)}/periods?ente={E(ente)}");

    private static string E(string value) => Uri.EscapeDataString(value);

    /// <summary>Whether the API accepts a token (a cheap read with it), before a session is made of it.</summary>
    public async Task<bool> AcceptsTokenAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/plans?pageSize=1");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private async Task AuthorizeAsync(HttpRequestMessage request)
    {
        if (context.HttpContext is { } http && await http.GetTokenAsync(SessionUser.TokenName) is { Length: > 0 } token)
            request.Headers.Authorization = new("Bearer", token);
    }

    private async Task<T?> GetAsync<T>(string path) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        await AuthorizeAsync(request);
        using var response = await http.SendAsync(request);
        // Not found, or not readable by this caller: for a reader both are "not found".
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json);
    }
}
