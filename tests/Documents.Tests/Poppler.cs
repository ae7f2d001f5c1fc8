using System.Diagnostics;

namespace Documents.Tests;

/// <summary>poppler-utils (apt package): text of a PDF and PNG images of its pages, for checks and for the test results.</summary>
public static class Poppler
{
    public static readonly string ResultsDirectory = Path.Combine(
        Path.GetDirectoryName(DemoDup.DemoDirectory)!, "..", "tests", "Documents.Tests", "TestResults", "pdf");

    public static async Task<string[]> PagesTextAsync(string pdf, CancellationToken ct)
    {
        var text = await RunAsync("pdftotext", ["-layout", pdf, "-"], ct);
        return text.Split('\f');
    }

    /// <summary>Page <paramref name="page"/> (1-based) as <c>{prefix}.png</c> in <see cref="ResultsDirectory"/>.</summary>
    public static async Task<string> PageImageAsync(string pdf, int page, string prefix, CancellationToken ct)
    {
        Directory.CreateDirectory(ResultsDirectory);
        var target = Path.Combine(ResultsDirectory, prefix);
        await RunAsync("pdftoppm", ["-png", "-r", "80", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdf, target], ct);
        return target + ".png";
    }

    public static Task<string> InfoAsync(string pdf, CancellationToken ct) => RunAsync("pdfinfo", [pdf], ct);

    private static async Task<string> RunAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{tool} is missing: install the poppler-utils package (.ci/run does)", ex);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors}");
            return await output;
        }
    }
}
