using System.Data.Common;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;

namespace Platform.ServiceDefaults.Imports;

/// <summary>
/// One kind of file a service imports: its columns, the key that makes two rows duplicates, how a row becomes
/// the item the service's API takes, and how that item is written with the API's own rules inside the
/// import's transaction.
/// </summary>
public sealed record ImportKind<TItem>(
    string Name,
    TableSchema Schema,
    IReadOnlyList<string> DuplicateKey,
    Func<ImportRow, TItem> Read,
    Func<DbConnection, DbTransaction, TItem, CancellationToken, Task> Write,
    Func<string, string?> ColumnOfField);
