using System.Net.Http.Json;

namespace Platform.Web.Api;

/// <summary>The changes staff make from the browser, with their session's token; the services validate them.</summary>
public sealed partial class PlatformApi
{
    public Task<ApiResult> CreateReportAsync(string plan, string code, string period, string state, string statusText,
        string correctiveActions, string asOfDate) =>
        SendAsync(HttpMethod.Post, $"v1/plans/{E(plan)}/objectives/{E(code)}/reports",
            new { period, state = string.IsNullOrEmpty(state) ? null : state, statusText, correctiveActions, asOfDate });

    /// <summary>Sets a period's actual, or the formula's variables when the indicator has a formula, and its note.</summary>
    public Task<ApiResult> UpdateActualAsync(string indicator, string period, string? actual, IReadOnlyDictionary<string, string>? variables, string? note)
    {
        var mask = variables is null ? "actual,note" : "variables,note";
        return SendAsync(HttpMethod.Patch, $"v1/indicators/{E(indicator)}/periods/{E(period)}?updateMask={mask}",
            new { actual = variables is null ? actual ?? "" : null, variables, note = note ?? "" });
    }

    public Task<ApiResult> ClosePeriodAsync(string indicator, string period, bool close) =>
        SendAsync(HttpMethod.Post, $"v1/indicators/{E(indicator)}/periods/{E(period)}:{(close ? "close" : "reopen")}", new { });

    private async Task<ApiResult> SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
        await AuthorizeAsync(request);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? ApiResult.Done : ApiResult.Refused((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
