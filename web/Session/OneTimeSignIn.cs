using System.Security.Cryptography;
using System.Text;

namespace Platform.Web.Session;

/// <summary>
/// The launcher's one-time sign-in link (section <c>Web:SignIn</c>). The web app never holds the signing key:
/// the launcher mints the admin's token itself and hands this process, through its environment, only that
/// token, the SHA-256 of a random code printed in the link, and when the code expires. Opening the link
/// redeems the code once for a session cookie; the token never appears in an address.
/// </summary>
public sealed class OneTimeSignInOptions
{
    /// <summary>Lowercase hex SHA-256 of the code (UTF-8).</summary>
    public string CodeHash { get; set; } = "";
    /// <summary>The token the code stands for.</summary>
    public string Token { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class OneTimeSignIn(Microsoft.Extensions.Options.IOptions<OneTimeSignInOptions> options, TimeProvider clock)
{
    private int _redeemed;

    /// <summary>The token for a valid, unexpired code the first time it is shown; null otherwise.</summary>
    public string? Redeem(string? code)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(code) || settings.CodeHash.Length != 64 || settings.Token.Length == 0) return null;
        if (clock.GetUtcNow() >= settings.ExpiresAt) return null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(settings.CodeHash)))
            return null;
        return Interlocked.Exchange(ref _redeemed, 1) == 0 ? settings.Token : null;
    }
}
