using System.Text.Json;

namespace Platform.Web.Api;

/// <summary>
/// The answer to a change: done, or refused with the service's field violations (google.rpc.BadRequest, by the
/// API's field path such as <c>period.actual</c>) and its message.
/// </summary>
public sealed record ApiResult(bool Ok, IReadOnlyList<(string Field, string Description)> Violations, string Message)
{
    public static readonly ApiResult Done = new(true, [], "");

    public static ApiResult Refused(int status, string body)
    {
        var violations = new List<(string, string)>();
        var message = $"Il servizio ha rifiutato la richiesta (HTTP {status}).";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("message", out var text)) message = text.GetString() ?? message;
            if (json.RootElement.TryGetProperty("details", out var details))
                foreach (var detail in details.EnumerateArray())
                    if (detail.TryGetProperty("fieldViolations", out var list))
                        foreach (var v in list.EnumerateArray())
                            violations.Add((v.GetProperty("field").GetString() ?? "", v.GetProperty("description").GetString() ?? ""));
        }
        catch (JsonException)
        {
        }
        return new(false, violations, message);
    }

    /// <summary>The violations of a field and of what is inside it (<c>period.variables</c> covers <c>period.variables["x"]</c>).</summary>
    public IEnumerable<string> For(string field) => Violations
        .Where(v => v.Field == field || v.Field.StartsWith(field + "[", StringComparison.Ordinal) || v.Field.StartsWith(field + ".", StringComparison.Ordinal))
        .Select(v => v.Description);

    /// <summary>The violations of one entry of a map field, e.g. <c>period.variables["rd_kg"]</c>.</summary>
    public IEnumerable<string> ForEntry(string field, string key) => Violations
        .Where(v => v.Field == $"{field}[\"{key}\"]" || v.Field == $"{field}.{key}" || (v.Field == field && v.Description.Contains($"'{key}'")))
        .Select(v => v.Description);
}
