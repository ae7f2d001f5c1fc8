namespace Platform.Spreadsheets.Schema;

/// <summary>The columns of one kind of file, in export order. Built once per kind by the service that owns it.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, int> indexByName;
    private readonly Dictionary<string, int> indexByHeader;

    public TableSchema(IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnFamily>? families = null)
    {
        Families = families ?? [];
        if (Families.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != Families.Count)
            throw new ArgumentException("A family is declared twice.", nameof(families));
        if (columns.Count == 0) throw new ArgumentException("A schema needs at least one column.", nameof(columns));
        Columns = columns;
        indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        indexByHeader = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!indexByName.TryAdd(columns[i].Name, i))
                throw new ArgumentException($"Column '{columns[i].Name}' is declared twice.", nameof(columns));
            foreach (var header in columns[i].AcceptedHeaders.Select(HeaderText.Fold).Distinct())
            {
                if (header.Length == 0 || !indexByHeader.TryAdd(header, i))
                    throw new ArgumentException($"Header '{header}' of column '{columns[i].Name}' is empty or names another column too.", nameof(columns));
            }
        }
    }

    public TableSchema(params ColumnDefinition[] columns) : this((IReadOnlyList<ColumnDefinition>)columns) { }

    public IReadOnlyList<ColumnDefinition> Columns { get; }

    /// <summary>Column families (<see cref="ColumnFamily"/>): headers matched by prefix once no column answers.</summary>
    public IReadOnlyList<ColumnFamily> Families { get; }

    /// <summary>The position of a column by its canonical name; throws for a name the schema does not declare.</summary>
    public int IndexOf(string name) =>
        indexByName.TryGetValue(name, out var index) ? index : throw new ArgumentException($"The schema has no column '{name}'.", nameof(name));

    /// <summary>The column a header cell names, if any.</summary>
    public int? ColumnForHeader(string header) =>
        indexByHeader.TryGetValue(HeaderText.Fold(header), out var index) ? index : null;

    /// <summary>The family a header that names no column belongs to, with its key; null when none.</summary>
    public (int Family, string Key)? FamilyForHeader(string header)
    {
        for (var i = 0; i < Families.Count; i++)
            if (Families[i].KeyOf(header) is { } key) return (i, key);
        return null;
    }

    /// <summary>
    /// The schema of one file to write: these columns, then the given family members as ordinary columns (in the
    /// order given), so that <see cref="Platform.Spreadsheets.Writing.TableExport"/> writes <c>Azioni 2023</c>.
    /// </summary>
    public TableSchema WithMembers(IEnumerable<(string Family, string Key)> members) =>
        new([.. Columns, .. members.Select(m => Families.Single(f => f.Name == m.Family).Member(m.Key))]);
}
