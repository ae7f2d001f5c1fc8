namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Bounds on what an error carries back. Over gRPC an error travels in trailers, which proxies cap at 64 KB for the
/// whole header block, so an error must stay small whatever the input: echoed values are clipped and only the first
/// violations are listed (with the total).
/// </summary>
public static class ErrorLimits
{
    public const int MaxViolations = 25;
    public const int MaxMessageLength = 2000;
    public const int MaxDescriptionLength = 500;
    public const int MaxFieldLength = 200;
    public const int MaxValueLength = 300;

    /// <summary><paramref name="text"/> itself when short enough, else its start and how much was left out.</summary>
    public static string Clip(string text, int max) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length - max} more characters)";
}
