namespace Platform.Spreadsheets.Values;

/// <summary>How a file writes the numbers held as text. Chosen once per file, never per cell.</summary>
public enum NumberFormat
{
    /// <summary>Not stated: detected from the file's content when the content leaves no doubt.</summary>
    Detect,
    /// <summary><c>it</c>: <c>1.234,56</c> (dot groups thousands, comma before decimals; <c>1234,56</c> too).</summary>
    Italian,
    /// <summary><c>plain</c>: <c>1234.56</c> (dot before decimals, no grouping).</summary>
    Plain,
}

public static class NumberFormats
{
    /// <summary>Reads a caller's choice: <c>it</c>, <c>plain</c>, or empty/<c>auto</c> for detection.</summary>
    public static bool TryParse(string? text, out NumberFormat format)
    {
        format = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "auto" or "detect" => NumberFormat.Detect,
            "it" or "italian" => NumberFormat.Italian,
            "plain" => NumberFormat.Plain,
            _ => (NumberFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>The name a caller writes for the format (<c>it</c>, <c>plain</c>, <c>auto</c>).</summary>
    public static string Name(this NumberFormat format) => format switch
    {
        NumberFormat.Italian => "it",
        NumberFormat.Plain => "plain",
        _ => "auto",
    };
}
