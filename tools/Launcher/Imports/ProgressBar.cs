using System.Globalization;
using Platform.Imports.V1;

namespace Platform.Launcher.Imports;

/// <summary>
/// Rows done out of rows in the file, on stderr: a bar redrawn in place on a terminal, a line every tenth of
/// the file when the output is redirected (a log).
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive)
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
    private const int Width = 30;
    private int lastTenth = -1;

    public static ProgressBar ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(ImportProgress progress)
    {
        var total = Math.Max(progress.RowsTotal, progress.RowsDone);
        var fraction = total == 0 ? 0 : (double)progress.RowsDone / total;
        var text = $"{progress.RowsDone.ToString("N0", Italian)}/{total.ToString("N0", Italian)} righe ({fraction.ToString("P0", Italian)})";
        if (interactive)
        {
            var filled = (int)Math.Round(fraction * Width);
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {text}");
            return;
        }
        var tenth = (int)(fraction * 10);
        if (tenth == lastTenth) return;
        lastTenth = tenth;
        output.WriteLine(text);
    }

    /// <summary>Ends the bar's line before anything else is printed.</summary>
    public void Done()
    {
        if (interactive) output.WriteLine();
    }
}
