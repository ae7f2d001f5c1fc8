using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Web.Session;

/// <summary>
/// Sessions: an encrypted, HttpOnly cookie holding the caller's API token. Embedded set-up: the token comes
/// from the launcher's one-time link or is pasted on <c>/accesso</c>. With <c>Auth:Authority</c> set, it comes
/// from the ente's OpenID Connect provider (authorization code flow with PKCE).
/// </summary>
public static class SessionSetup
{
    public const string CookieName = "piattaforma-sessione";

    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<OneTimeSignInOptions>(builder.Configuration.GetSection("Web:SignIn"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OneTimeSignIn>();
        services.AddScoped<Caller>();
        // Keys beside the platform's data, so a restarted web process still reads its sessions.
        var keys = services.AddDataProtection().SetApplicationName("platform-web");
        if (Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } data)
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data, "web-keys")));

        var authority = builder.Configuration["Auth:Authority"];
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (!string.IsNullOrEmpty(authority)) options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            // Lax, not Strict: a person who opens the sign-in link from a terminal or an e-mail arrives on a
            // cross-site navigation, and Strict would hide the new session on the redirect that follows.
            // Every form still carries an anti-forgery token.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/accesso";
            options.AccessDeniedPath = "/accesso";
            options.SlidingExpiration = false;
        });
        if (!string.IsNullOrEmpty(authority)) authentication.AddOpenIdConnect(options => ConfigureOpenIdConnect(options, builder.Configuration));
        services.AddAuthorization();
        return builder;
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, IConfiguration configuration)
    {
        options.Authority = configuration["Auth:Authority"];
        options.ClientId = configuration["Auth:ClientId"] ?? "platform-web";
        options.ClientSecret = configuration["Auth:ClientSecret"];
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = !options.Authority!.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase);
        options.CallbackPath = "/accesso/oidc/ritorno";
        options.SignedOutCallbackPath = "/accesso/oidc/uscita";
        options.Scope.Add("profile");
        if (configuration["Auth:Audience"] is { Length: > 0 } audience) options.Resource = audience;
        // The session is built from the access token the API will see, so ente and roles are the API's.
        options.Events.OnTokenValidated = context =>
        {
            var token = context.TokenEndpointResponse?.AccessToken;
            if (token is null || SessionUser.From(token, DateTimeOffset.UtcNow) is not (var user, _))
            {
                context.Fail("The provider gave no usable access token");
                return Task.CompletedTask;
            }
            context.Principal = user;
            return Task.CompletedTask;
        };
    }
}
