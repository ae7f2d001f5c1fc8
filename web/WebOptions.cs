namespace Platform.Web;

/// <summary>The <c>Web</c> configuration section.</summary>
public sealed class WebOptions
{
    /// <summary>The gateway, e.g. <c>http://localhost:8080</c>.</summary>
    public string ApiBaseAddress { get; set; } = "";
    /// <summary>The ente shown when the address names none.</summary>
    public string DefaultEnte { get; set; } = "demo";

    /// <summary>Display names of entes by id (<c>Web:Entes:demo</c> = <c>Comune di Cremona</c>); an ente without one shows its id.</summary>
    public Dictionary<string, string> Entes { get; set; } = [];

    public string EnteName(string ente) => Entes.TryGetValue(ente, out var name) && name.Length > 0 ? name : ente;

    /// <summary>The ente named by the address's <c>?ente=</c>, else the default one.</summary>
    public string Ente(string? query) => string.IsNullOrWhiteSpace(query) ? DefaultEnte : query.Trim();
}
