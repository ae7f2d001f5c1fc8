using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.ServiceDefaults;

namespace Platform.ServiceDefaults.Tests;

public sealed class BoundedLogTests
{
    private static string Format(LogLevel level, string message, Exception? exception = null)
    {
        var writer = new StringWriter();
        new BoundedConsoleFormatter().Write(new LogEntry<string>(level, "Test", default, message, exception, (m, _) => m), null, writer);
        return writer.ToString();
    }

    [Fact]
    public void A_megabyte_message_becomes_one_line_of_at_most_the_cap()
    {
        var line = Format(LogLevel.Information, "Error status code 'InvalidArgument' with detail '" + new string('x', 1_000_000) + "'");

        Assert.True(line.TrimEnd().Length <= BoundedConsoleFormatter.MaxLineLength + 40, $"{line.Length} characters");
        Assert.Contains("more characters)", line);
        Assert.Single(line.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Stack_traces_are_written_for_errors_only()
    {
        Exception thrown;
        try { throw new InvalidOperationException("boom"); } catch (InvalidOperationException e) { thrown = e; }

        Assert.DoesNotContain(" at ", Format(LogLevel.Information, "client mistake", thrown));
        Assert.Contains("InvalidOperationException: boom", Format(LogLevel.Information, "client mistake", thrown));
        Assert.Contains(" at ", Format(LogLevel.Error, "bug", thrown));
    }
}
