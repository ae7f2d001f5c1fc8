using System.Data.Common;
using Grpc.Core;
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
    Func<string, string?> ColumnOfField)
{
    /// <summary>
    /// Optional set-based store for kinds with many rows. When given, <see cref="Write"/> only checks a row
    /// (the API's rules for one item, and its agreement with the rows before it) and this stores the checked
    /// items <see cref="BatchSize"/> at a time, and the rest at the end, answering the items it refuses
    /// (index in the batch) so that each problem still names its row.
    /// </summary>
    public Func<DbConnection, DbTransaction, IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<BatchRefusal>>>? WriteBatch
    {
        get; init;
    }

    public int BatchSize { get; init; } = 1000;
}

/// <summary>An item of a batch the service's rules refused: its position in the batch and why.</summary>
public sealed record BatchRefusal(int Index, RpcException Refused);
