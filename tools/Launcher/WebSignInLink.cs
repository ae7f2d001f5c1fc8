using System.Security.Cryptography;
using System.Text;

namespace Platform.Launcher;

/// <summary>
/// The one-time sign-in link the launcher prints for the demo ente's admin. The launcher keeps the signing
/// key: the web process receives, in its environment, only the admin's token, the SHA-256 of the random code
/// (the code itself is only in the printed link) and the code's expiry. The web app spends the code once for
/// a session cookie.
/// </summary>
public sealed record WebSignInLink(string Code, DateTimeOffset ExpiresAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static WebSignInLink Create() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            DateTimeOffset.UtcNow + Lifetime);

    public Uri Address(Uri app) => new(app, $"/accesso/collegamento?codice={Code}");

    /// <summary>What the web process is told: the token the code stands for, the code's hash and its expiry.</summary>
    public IReadOnlyDictionary<string, string> Environment(string token) => new Dictionary<string, string>
    {
        ["Web__SignIn__Token"] = token,
        ["Web__SignIn__CodeHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Code))),
        ["Web__SignIn__ExpiresAt"] = ExpiresAt.ToString("O"),
    };
}
