namespace Platform.Spreadsheets.Schema;

/// <summary>How a column's cells are read and written.</summary>
public enum ColumnKind
{
    /// <summary>Free text, trimmed, stored whole.</summary>
    Text,
    /// <summary>A whole number (<see cref="long"/>), e.g. a year.</summary>
    Integer,
    /// <summary>An exact <see cref="decimal"/>.</summary>
    Decimal,
    /// <summary>An exact <see cref="decimal"/> amount; a leading or trailing € is accepted.</summary>
    Money,
    /// <summary>A calendar date (<see cref="DateOnly"/>).</summary>
    Date,
    /// <summary>An identifier such as a CUP or a mission code: trimmed text without inner spaces.</summary>
    Code,
}
