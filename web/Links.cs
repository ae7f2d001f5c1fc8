namespace Platform.Web;

/// <summary>The app's addresses; every one keeps the ente it is read for.</summary>
public static class Links
{
    private static string E(string value) => Uri.EscapeDataString(value);

    public static string Home(string ente) => $"/?ente={E(ente)}";

    public static string Plan(string ente, string plan, int? year = null) =>
        $"/piani/{E(plan)}?ente={E(ente)}" + (year is null ? "" : $"&anno={year}");

    public static string Objective(string ente, string plan, string code, int? year) =>
        $"/piani/{E(plan)}/obiettivi/{E(code)}?ente={E(ente)}" + (year is null ? "" : $"&anno={year}");

    /// <summary>An objective named by the API (<c>plans/{plan}/objectives/{code}</c>); null for another kind of name.</summary>
    public static string? ObjectiveByName(string ente, string name) =>
        name.Split('/') is ["plans", var plan, "objectives", var code] ? Objective(ente, plan, code, null) : null;

    public static string Indicator(string ente, string id, string? plan = null, string? code = null, int? year = null) =>
        $"/indicatori/{E(id)}?ente={E(ente)}" + (plan is null ? "" : $"&piano={E(plan)}") +
        (code is null ? "" : $"&obiettivo={E(code)}") + (year is null ? "" : $"&anno={year}");

    public static string Budget(string ente, string? budget = null, int? year = null, string? stage = null) =>
        (budget is null ? "/bilancio" : $"/bilancio/{E(budget)}") + $"?ente={E(ente)}" +
        (year is null ? "" : $"&anno={year}") + (stage is null ? "" : $"&fase={E(stage)}");

    public static string Investments(string ente) => $"/investimenti?ente={E(ente)}";
}
