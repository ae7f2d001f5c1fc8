using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Platform.ServiceDefaults;

/// <summary>
/// One line per log entry, <c>HH:mm:ss.fff level category[trace] message</c>, clipped to
/// <see cref="MaxLineLength"/> characters: a client's huge input can never turn into huge log lines. An
/// exception adds its type and message, and its stack trace only at error level and above (bugs, not client
/// mistakes).
/// </summary>
public sealed class BoundedConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "platform";
    public const int MaxLineLength = 4096;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var exception = logEntry.Exception;
        if (exception is not null)
            message += logEntry.LogLevel >= LogLevel.Error ? $" {exception}" : $" ({exception.GetType().Name}: {exception.Message})";
        var trace = Activity.Current is { } activity ? $"[{activity.TraceId}]" : "";
        var line = $"{DateTime.Now:HH:mm:ss.fff} {Level(logEntry.LogLevel)} {logEntry.Category}{trace} {message.ReplaceLineEndings(" ⏎ ")}";
        textWriter.WriteLine(Errors.ErrorLimits.Clip(line, MaxLineLength));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
