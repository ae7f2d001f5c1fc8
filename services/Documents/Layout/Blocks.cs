namespace Platform.Documents.Layout;

/// <summary>
/// A document as the writers see it: a cover and a body of blocks. The same blocks become HTML (and through it
/// PDF) and DOCX, so the three formats print the same tables.
/// </summary>
public sealed record Document(string Title, Cover Cover, IReadOnlyList<Block> Body);

/// <summary>The cover: the ente, the document's title and the approval lines.</summary>
public sealed record Cover(string Ente, string Title, IReadOnlyList<string> Lines);

public abstract record Block;

/// <summary>A heading; levels 1 and 2 make the table of contents.</summary>
public sealed record Heading(int Level, string Text, string Anchor) : Block;

public sealed record Paragraph(string Text, string? Label = null) : Block;

/// <summary>A card's label/value lines ("Responsabile gestionale: ...").</summary>
public sealed record Fields(IReadOnlyList<(string Label, string Value)> Items) : Block;

/// <summary>A plain table; <paramref name="Numeric"/> marks the right-aligned columns.</summary>
public sealed record Table(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<Row> Rows, IReadOnlySet<int> Numeric) : Block;

/// <summary>A table row; a total row is printed in bold.</summary>
public sealed record Row(IReadOnlyList<string> Cells, bool Total = false);

/// <summary>Blocks kept together (an objective's card), starting on a fresh line.</summary>
public sealed record Card(string Kind, IReadOnlyList<Block> Blocks) : Block;

/// <summary>A chart drawn by the web app's chart code (an SVG <c>data:</c> URI) and its text alternative.</summary>
public sealed record Chart(string DataUri, string Alt) : Block;

/// <summary>The next block starts on a new page.</summary>
public sealed record PageBreak : Block;
