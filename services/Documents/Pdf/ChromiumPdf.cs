using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Platform.Documents.Pdf;

public sealed class PdfOptions
{
    /// <summary>Headless Chromium that prints the HTML; empty: the first of the usual install paths that exists.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    public int PdfTimeoutSeconds { get; set; } = 60;
}

/// <summary>
/// Prints the document's HTML to PDF with headless Chromium (tagged PDF with the document outline, no browser
/// header or footer: the page numbers come from the print CSS). Missing Chromium is FAILED_PRECONDITION.
/// </summary>
public sealed class ChromiumPdf(IOptions<PdfOptions> options, ILogger<ChromiumPdf> logger)
{
    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

    public string? FindChromium() =>
        (string.IsNullOrEmpty(options.Value.ChromiumPath) ? KnownPaths : [options.Value.ChromiumPath]).FirstOrDefault(File.Exists);

    private string Searched => string.IsNullOrEmpty(options.Value.ChromiumPath) ? string.Join(", ", KnownPaths) : options.Value.ChromiumPath;

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var chromium = FindChromium() ?? throw ApiErrors.FailedPrecondition("PDF_RENDERER_MISSING",
            $"Il PDF non può essere generato: Chromium non è installato su questo server (cercato in {Searched}). " +
            "Installare il pacchetto chromium oppure scaricare il documento in formato HTML o DOCX.");
        var folder = Directory.CreateTempSubdirectory("platform-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "documento.html");
            var output = Path.Combine(folder.FullName, "documento.pdf");
            await File.WriteAllTextAsync(input, html, ct);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-extensions", "--user-data-dir=" + Path.Combine(folder.FullName, "profilo"),
                    "--no-pdf-header-footer", "--generate-pdf-document-outline", "--export-tagged-pdf",
                    "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
                },
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.PdfTimeoutSeconds));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogWarning("Chromium exited with {Code}: {Errors}", process.ExitCode, await errors);
                throw ApiErrors.FailedPrecondition("PDF_RENDER_FAILED", "Chromium non è riuscito a stampare il documento in PDF.");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
