namespace Platform.ServiceDefaults.Api;

/// <summary>Etags are the row's version counter, written as <c>W/"n"</c>; clients treat them as opaque.</summary>
public static class Etags
{
    public static string Format(long version) => $"W/\"{version}\"";

    /// <summary>
    /// Throws ABORTED when the client sent an etag that is not the current one. An empty etag means
    /// "overwrite" (AIP-154).
    /// </summary>
    public static void Check(string? sent, long currentVersion, string resourceName)
    {
        if (string.IsNullOrEmpty(sent)) return;
        var current = Format(currentVersion);
        if (sent != current) throw ApiErrors.EtagMismatch(resourceName, current);
    }
}
