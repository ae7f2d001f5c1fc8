using Platform.Launcher;

namespace EndToEnd.Tests;

/// <summary>The launcher forwards children's output line by line, never keeping more than 4 KB of a line.</summary>
public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task A_long_line_is_cut_at_4_KB_and_says_how_much_was_left_out()
    {
        var lines = new List<string>();
        var text = $"short\r\n{new string('x', 1_000_000)}\nlast";

        await BoundedLineReader.ForwardAsync(new StringReader(text), lines.Add);

        Assert.Equal(3, lines.Count);
        Assert.Equal("short", lines[0]);
        Assert.Equal(new string('x', BoundedLineReader.MaxLineLength) + "… (995904 more characters)", lines[1]);
        Assert.Equal("last", lines[2]);
    }
}
