using Platform.Spreadsheets.Reading;

namespace Platform.Spreadsheets.Values;

/// <summary>
/// Collects, over a whole file, which number format its number cells written as text can belong to. The file's
/// format is the one the evidence points to; with none the choice does not matter; with both it is undecided.
/// </summary>
internal sealed class NumberFormatDetector
{
    public (string Text, string? Sheet, int Row)? FirstItalian { get; private set; }
    public (string Text, string? Sheet, int Row)? FirstPlain { get; private set; }

    public void Observe(RawCell cell, bool money, string? sheet, int row)
    {
        if (cell.Type != CellType.Text || cell.IsBlank) return;
        var text = Spaces.Trim(cell.Text);
        if (money) text = Money.WithoutCurrency(text);
        switch (NumberText.Classify(text))
        {
            case NumberText.Reading.ItalianOnly: FirstItalian ??= (text, sheet, row); break;
            case NumberText.Reading.PlainOnly: FirstPlain ??= (text, sheet, row); break;
        }
    }

    /// <summary>The file's format; <see cref="NumberFormat.Detect"/> when the evidence contradicts itself.</summary>
    public NumberFormat Decide() => (FirstItalian, FirstPlain) switch
    {
        (not null, null) => NumberFormat.Italian,
        (null, not null) => NumberFormat.Plain,
        (not null, not null) => NumberFormat.Detect,
        // No evidence: the only numbers that could differ are ambiguous ones like 1.234, which stay undecided.
        _ => NumberFormat.Detect,
    };

    public bool IsMixed => FirstItalian is not null && FirstPlain is not null;
}
