using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Platform.Web.Session;

/// <summary>Signing in by the launcher's one-time link or the ente's identity provider, and signing out.</summary>
public static class SessionEndpoints
{
    public static WebApplication MapSessions(this WebApplication app)
    {
        // The link's code is spent here and the browser is sent on to an address without it.
        app.MapGet("/accesso/collegamento", async (HttpContext context, OneTimeSignIn signIn, TimeProvider clock, string? codice) =>
        {
            if (signIn.Redeem(codice) is not { } token || SessionUser.From(token, clock.GetUtcNow()) is not (var user, var properties))
                return Results.Redirect("/accesso?errore=collegamento");
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user, properties);
            return Results.Redirect("/");
        });
        app.MapGet("/accesso/oidc", (IConfiguration configuration) => string.IsNullOrEmpty(configuration["Auth:Authority"])
            ? Results.NotFound()
            : Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapPost("/accesso/uscita", async (HttpContext context, IConfiguration configuration) =>
        {
            // The middleware checks the token; an endpoint that binds no form must refuse a failed check itself.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                return Results.Text("Richiesta non valida: ricarica la pagina e riprova.", "text/plain; charset=utf-8", statusCode: 400);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return string.IsNullOrEmpty(configuration["Auth:Authority"])
                ? Results.Redirect("/")
                : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }
}
