using System.Data.Common;
using Grpc.Core;
using Platform.Imports.V1;
using Platform.ServiceDefaults.Data;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using SheetProblem = Platform.Spreadsheets.Problems.ImportProblem;
using SheetNumberFormat = Platform.Spreadsheets.Values.NumberFormat;

namespace Platform.ServiceDefaults.Imports;

/// <summary>
/// Preview and commit of a spreadsheet, the same for every service: each row goes through the service's own
/// write (its rules, its audit) inside one transaction, which is committed only for a COMMIT with no problem.
/// A commit is recorded by request id, so a retry answers the first summary and writes nothing.
/// </summary>
public sealed class FileImports(Database database, ImportRequests requests)
{
    /// <summary>Problems sent back at most; the summary counts them all.</summary>
    public const int MaxProblemsSent = 1000;

    private const int ProgressEvery = 200;

    /// <summary>A whole file in one message (the REST form).</summary>
    public async Task RunAsync<TItem>(RequestIdentity who, ImportChunk request, ImportKind<TItem> kind,
        Func<ImportEvent, Task> emit, CancellationToken ct)
    {
        await using var upload = ImportUpload.FromMessage(request);
        await RunAsync(who, upload, kind, emit, ct);
    }

    /// <summary>An uploaded file, whole or streamed.</summary>
    public async Task RunAsync<TItem>(RequestIdentity who, ImportUpload upload, ImportKind<TItem> kind,
        Func<ImportEvent, Task> emit, CancellationToken ct)
    {
        var request = upload.Header;
        Validate(request, upload.Content.Length, kind.Name);
        var commit = request.Mode == ImportMode.Commit;
        var summary = new ImportSummary { Mode = request.Mode, RequestId = request.RequestId };
        var problems = new List<ImportProblem>();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (commit && await requests.FindAsync(connection, transaction, who, request.RequestId, ct) is { } earlier)
            {
                summary = earlier.Clone();
                summary.Replayed = true;
                return false;
            }
            await using var table = await TableImport.OpenAsync(upload.Content,
                FormatOf(request, upload.Content), kind.Schema, new ImportOptions { NumberFormat = NumberFormatOf(request), DuplicateKey = kind.DuplicateKey,
                    Sheets = request.Sheets.Count > 0 ? request.Sheets : null, CountRows = true }, ct);
            long written = 0;
            var batch = new List<(ImportRow Row, TItem Item)>();
            await foreach (var row in table.ReadRowsAsync(ct))
            {
                summary.RowsRead++;
                var before = problems.Count;
                problems.AddRange(row.Problems.Select(ToProto));
                if (!row.HasProblems)
                {
                    try
                    {
                        var item = kind.Read(row);
                        await kind.Write(connection, transaction, item, ct);
                        if (kind.WriteBatch is null) written++;
                        else batch.Add((row, item));
                    }
                    catch (RpcException refused) when (IsRefusal(refused))
                    {
                        problems.AddRange(RowProblems.From(refused, row, kind.Schema, kind.ColumnOfField));
                    }
                }
                if (problems.Count > before) summary.RowsWithProblems++;
                if (batch.Count >= kind.BatchSize) written += await WriteBatchAsync(connection, transaction, kind, batch, problems, summary, ct);
                if (summary.RowsRead % ProgressEvery == 0)
                    await emit(new ImportEvent { Progress = new ImportProgress { RowsDone = summary.RowsRead, RowsTotal = table.TotalRows ?? 0 } });
            }
            written += await WriteBatchAsync(connection, transaction, kind, batch, problems, summary, ct);
            problems.AddRange(table.FileProblems.Select(ToProto));
            summary.ProblemCount = problems.Count;
            summary.ProblemsTruncated = problems.Count > MaxProblemsSent;
            summary.Committed = commit && problems.Count == 0;
            summary.WrittenByKind[kind.Name] = problems.Count == 0 ? written : 0;
            if (summary.Committed) await requests.RecordAsync(connection, transaction, who, request.Parent, summary, ct);
            return summary.Committed;
        }, ct, commitWhen: committed => committed);

        await emit(new ImportEvent { Progress = new ImportProgress { RowsDone = summary.RowsRead, RowsTotal = summary.RowsRead } });
        foreach (var problem in problems.Take(MaxProblemsSent)) await emit(new ImportEvent { Problem = problem });
        await emit(new ImportEvent { Summary = summary });
    }

    private static bool IsRefusal(RpcException refused) =>
        refused.StatusCode is not (StatusCode.Internal or StatusCode.Unavailable or StatusCode.Cancelled);

    /// <summary>Stores the checked rows of a set-based kind; a refused item becomes its row's problems.</summary>
    private static async Task<long> WriteBatchAsync<TItem>(DbConnection connection, DbTransaction transaction, ImportKind<TItem> kind,
        List<(ImportRow Row, TItem Item)> batch, List<ImportProblem> problems, ImportSummary summary, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        IReadOnlyList<BatchRefusal> refusals;
        try
        {
            refusals = await kind.WriteBatch!(connection, transaction, batch.Select(b => b.Item).ToList(), ct);
        }
        catch (RpcException refused) when (IsRefusal(refused))
        {
            refusals = [new BatchRefusal(0, refused)];
        }
        foreach (var rows in refusals.GroupBy(r => r.Index).OrderBy(g => g.Key))
        {
            var row = batch[rows.Key].Row;
            var hadProblems = problems.Any(p => p.Row == row.RowNumber && p.Sheet == (row.Sheet ?? ""));
            foreach (var refusal in rows) problems.AddRange(RowProblems.From(refusal.Refused, row, kind.Schema, kind.ColumnOfField));
            if (!hadProblems) summary.RowsWithProblems++;
        }
        var written = batch.Count - refusals.Select(r => r.Index).Distinct().Count();
        batch.Clear();
        return written;
    }

    private static void Validate(ImportChunk request, long length, string kind)
    {
        var validator = new RequestValidator();
        validator.Check(request.Kind.Length == 0 || request.Kind == kind, "kind", $"must be {kind}");
        validator.Check(request.Mode is ImportMode.Preview or ImportMode.Commit, "mode", "is required: PREVIEW or COMMIT");
        if (request.Mode == ImportMode.Commit) validator.Required(request.RequestId, "request_id");
        validator.MaxLength(request.RequestId, ImportRequests.MaxRequestIdLength, "request_id");
        validator.Check(length > 0, "content", "is required: the bytes of the file");
        validator.Check(Enum.IsDefined(request.Format), "format", "must be CSV or XLSX");
        validator.ThrowIfInvalid();
    }

    private static SpreadsheetFormat FormatOf(ImportChunk request, Stream content) => request.Format switch
    {
        FileFormat.Csv => SpreadsheetFormat.Csv,
        FileFormat.Xlsx => SpreadsheetFormat.Xlsx,
        _ => SpreadsheetFormats.FromFileName(request.FileName) ?? SpreadsheetFormats.FromContent(content),
    };

    private static SheetNumberFormat NumberFormatOf(ImportChunk request) => request.NumberFormat switch
    {
        Platform.Imports.V1.NumberFormat.Italian => SheetNumberFormat.Italian,
        Platform.Imports.V1.NumberFormat.Plain => SheetNumberFormat.Plain,
        _ => SheetNumberFormat.Detect,
    };

    private static ImportProblem ToProto(SheetProblem p) => new()
    {
        Code = p.Code, Sheet = p.Sheet ?? "", Row = p.Row ?? 0, Column = p.Column ?? "", Value = p.Value ?? "", Message = p.Message,
    };
}
