namespace Platform.Launcher.Demo;

/// <summary>Where the demo tables are: the repository's <c>data/demo</c>, found from wherever the program runs.</summary>
public static class DemoFiles
{
    /// <summary>
    /// The full path of a file or folder of the repository (e.g. <c>data/demo/...</c>), looked for upwards from
    /// <paramref name="start"/>, or from the program's folder and the working directory; null when absent.
    /// </summary>
    public static string? Find(string relativePath, string? start = null)
    {
        var starts = start is null ? [AppContext.BaseDirectory, Directory.GetCurrentDirectory()] : new[] { start };
        foreach (var from in starts)
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
