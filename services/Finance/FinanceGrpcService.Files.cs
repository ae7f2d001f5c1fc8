using Google.Api;
using Platform.Finance.Debt;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.Imports.V1;
using Platform.ServiceDefaults.Imports;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

/// <summary>The Finance files (issue 11): import of each kind, whole or streamed, and export with the same columns.</summary>
public sealed partial class FinanceGrpcService
{
    private static readonly string[] Kinds = [LineFile.Kind, DebtFile.Kind, InvestmentFile.Kind];

    [Access(AccessLevel.Write)]
    public override async Task ImportFile(IAsyncStreamReader<ImportChunk> requestStream, IServerStreamWriter<ImportEvent> responseStream,
        ServerCallContext context)
    {
        await using var upload = await ImportUpload.ReadAsync(requestStream, context.CancellationToken);
        await ImportAsync(upload, responseStream, context);
    }

    [Access(AccessLevel.Write)]
    public override Task ImportBudgetLines(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context) =>
        ImportWholeAsync(request, LineFile.Kind, responseStream, context);

    [Access(AccessLevel.Write)]
    public override Task ImportDebtSchedule(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context) =>
        ImportWholeAsync(request, DebtFile.Kind, responseStream, context);

    [Access(AccessLevel.Write)]
    public override Task ImportInvestmentsFile(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context) =>
        ImportWholeAsync(request, InvestmentFile.Kind, responseStream, context);

    [Access(AccessLevel.Read)]
    public override async Task<HttpBody> ExportBudgetLines(ExportRequest request, ServerCallContext context)
    {
        var budgetId = ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId;
        var ledger = await lines.LedgerAsync(requestContext.Current, budgetId, context.CancellationToken);
        if (ledger.Lines.Count == 0) await budgets.GetRowAsync(requestContext.Current, budgetId, context.CancellationToken);
        var rows = ledger.Lines.SelectMany(l => l.Amounts.OrderBy(a => a.Year).ThenBy(a => a.StageValue).Select(a => LineFile.Cells(l, a)));
        return await FileExport.WriteAsync(request, LineFile.Kind, LineFile.Schema, rows, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<HttpBody> ExportDebtSchedule(ExportRequest request, ServerCallContext context)
    {
        var budgetId = ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId;
        await budgets.GetRowAsync(requestContext.Current, budgetId, context.CancellationToken);
        var years = await debt.YearsAsync(requestContext.Current, budgetId, context.CancellationToken);
        return await FileExport.WriteAsync(request, DebtFile.Kind, DebtFile.Schema, years.Select(DebtFile.Cells), context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<HttpBody> ExportInvestments(ExportRequest request, ServerCallContext context)
    {
        var all = (await investments.LoadAllAsync(requestContext.Current, context.CancellationToken))
            .OrderBy(r => r.InvestmentId, StringComparer.Ordinal).ToList();
        return await FileExport.WriteAsync(request, InvestmentFile.Kind, InvestmentFile.ExportSchema(all),
            all.Select(r => InvestmentFile.Cells(r, all)), context.CancellationToken);
    }

    private async Task ImportWholeAsync(ImportChunk request, string kind, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        if (request.Kind.Length == 0) request.Kind = kind;
        else if (request.Kind != kind) throw ApiErrors.InvalidArgument("kind", $"must be {kind}");
        await using var upload = ImportUpload.FromMessage(request);
        await ImportAsync(upload, responseStream, context);
    }

    /// <summary>The kind named in the upload's header, into its parent (a budget; none for investments).</summary>
    private Task ImportAsync(ImportUpload upload, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        var who = requestContext.Current;
        var header = upload.Header;
        Func<ImportEvent, Task> emit = e => responseStream.WriteAsync(e);
        var ct = context.CancellationToken;
        string BudgetId() => ResourceNames.Parse<BudgetName>(header.Parent, "parent").BudgetId;
        return header.Kind switch
        {
            LineFile.Kind => imports.RunAsync(who, upload, LineFile.For(BudgetId(), who, budgets, lines), emit, ct),
            DebtFile.Kind => imports.RunAsync(who, upload, DebtFile.For(BudgetId(), who, budgets, debt), emit, ct),
            InvestmentFile.Kind when header.Parent.Length == 0 =>
                imports.RunAsync(who, upload, InvestmentFile.For(who, investments), emit, ct),
            InvestmentFile.Kind => throw ApiErrors.InvalidArgument("parent", "must be empty: investments belong to the ente"),
            _ => throw ApiErrors.InvalidArgument("kind", $"must be one of: {string.Join(", ", Kinds)}"),
        };
    }
}
