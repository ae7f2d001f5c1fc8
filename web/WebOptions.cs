namespace Platform.Web;

/// <summary>The <c>Web</c> configuration section.</summary>
public sealed class WebOptions
{
    /// <summary>The gateway, e.g. <c>http://localhost:8080</c>.</summary>
    public string ApiBaseAddress { get; set; } = "";
    /// <summary>The ente shown when the address names none.</summary>
    public string DefaultEnte { get; set; } = "demo";

    /// <summary>The ente named by the address's <c>?ente=</c>, else the default one.</summary>
    public string Ente(string? query) => string.IsNullOrWhiteSpace(query) ? DefaultEnte : query.Trim();
}
