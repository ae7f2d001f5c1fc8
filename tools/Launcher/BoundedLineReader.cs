using System.Text;

namespace Platform.Launcher;

/// <summary>
/// Reads a child's output line by line without ever holding more than <see cref="MaxLineLength"/> characters
/// of a line: the rest is counted, not kept, and the line ends with "… (N more characters)".
/// </summary>
public static class BoundedLineReader
{
    public const int MaxLineLength = 4096;

    public static async Task ForwardAsync(TextReader reader, Action<string> line)
    {
        var buffer = new char[8192];
        var current = new StringBuilder();
        long dropped = 0;
        void Emit()
        {
            line(dropped == 0 ? current.ToString() : $"{current}… ({dropped} more characters)");
            current.Clear();
            dropped = 0;
        }
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == '\n') Emit();
                else if (c == '\r') continue;
                else if (current.Length < MaxLineLength) current.Append(c);
                else dropped++;
            }
        }
        if (current.Length > 0 || dropped > 0) Emit();
    }
}
