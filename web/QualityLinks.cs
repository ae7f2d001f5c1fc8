namespace Platform.Web;

/// <summary>Where the web app shows the resource a data-quality finding names.</summary>
public static class QualityLinks
{
    public static string Page(string ente, string plan) => $"/piani/{Uri.EscapeDataString(plan)}/qualita?ente={Uri.EscapeDataString(ente)}";

    public static string? Resource(string ente, string plan, string resource) => resource.Split('/') switch
    {
        ["plans", _, "objectives", _] => Links.ObjectiveByName(ente, resource),
        ["indicators", var id, ..] => Links.Indicator(ente, id, plan),
        ["budgets", var budget, ..] => Links.Budget(ente, budget),
        ["investments", var id] => Links.Investments(ente) + "#progetto-" + Uri.EscapeDataString(id),
        _ => null,
    };

    public static string Severity(string severity) => severity switch
    {
        "ERROR" => "Errore",
        "WARNING" => "Avviso",
        _ => "Informazione",
    };

    public static string SeverityCss(string severity) => severity switch
    {
        "ERROR" => "stato-non-raggiunto",
        "WARNING" => "stato-parziale",
        _ => "stato-non-misurato",
    };
}
