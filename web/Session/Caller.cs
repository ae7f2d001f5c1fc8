using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Platform.Web.Session;

/// <summary>Who reads the page: a citizen (the ente comes from the address) or a signed-in person (the ente of their token).</summary>
public sealed class Caller(IHttpContextAccessor context, IOptions<WebOptions> options)
{
    private ClaimsPrincipal? User => context.HttpContext?.User;

    public bool IsSignedIn => User?.Identity?.IsAuthenticated == true;
    public string Subject => User?.FindFirst(SessionUser.SubjectClaim)?.Value ?? "";
    public bool IsAdmin => HasRole("admin");
    /// <summary>May write progress reports and actuals (the services decide in the end).</summary>
    public bool IsStaff => HasRole("admin") || HasRole("planner");

    /// <summary>The token's ente for a signed-in person, else the address's <c>?ente=</c> or the default one.</summary>
    public string Ente(string? query) =>
        IsSignedIn && User!.FindFirst(SessionUser.TenantClaim)?.Value is { Length: > 0 } tenant ? tenant : options.Value.Ente(query);

    /// <summary>How people read the ente's id: its configured name (<c>Comune di Cremona</c>), else the id.</summary>
    public string EnteName(string ente) => options.Value.EnteName(ente);

    /// <summary>The entes this installation names, offered to a citizen who picks one.</summary>
    public IReadOnlyDictionary<string, string> KnownEntes => options.Value.Entes;

    private bool HasRole(string role) => User?.IsInRole(role) == true;
}
