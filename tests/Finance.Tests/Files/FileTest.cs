using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;

namespace Finance.Tests.Files;

/// <summary>A Finance test that moves files: streamed gRPC <c>ImportFile</c>, the per-kind REST import, exports.</summary>
public abstract class FileTest(ServiceFactory<FinanceGrpcService> factory) : FinanceTest(factory)
{
    public enum Via { Grpc, Rest }

    /// <summary>The REST path of each kind's whole-file import.</summary>
    private static string RestImport(string kind, string parent) => kind switch
    {
        "budget-lines" => $"/v1/{parent}/lines:import",
        "debt-schedule" => $"/v1/{parent}/debtSchedule:import",
        _ => "/v1/investments:importFile",
    };

    /// <summary>Imports <paramref name="content"/> as <paramref name="tenant"/>; gRPC streams it in small chunks.</summary>
    protected async Task<IReadOnlyList<ImportEvent>> ImportAsync(Via via, string tenant, string kind, string parent, string fileName,
        byte[] content, ImportMode mode, string requestId = "")
    {
        var header = new ImportChunk { Parent = parent, Kind = kind, Mode = mode, RequestId = requestId, FileName = fileName };
        return via == Via.Grpc ? await ImportGrpcAsync(tenant, header, content) : await ImportRestAsync(tenant, header, content);
    }

    private Task<IReadOnlyList<ImportEvent>> ImportGrpcAsync(string tenant, ImportChunk header, byte[] content) =>
        ImportCalls.StreamAsync(Grpc(tenant).ImportFile(Call()), header, content, chunkSize: 4096, Cancellation);

    private async Task<IReadOnlyList<ImportEvent>> ImportRestAsync(string tenant, ImportChunk header, byte[] content)
    {
        var body = header.Clone();
        body.Content = ByteString.CopyFrom(content);
        var response = await Rest(tenant).PostJsonAsync(RestImport(header.Kind, header.Parent), JsonFormatter.Default.Format(body), Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return ImportCalls.RestEvents(text).Select(e => JsonParser.Default.Parse<ImportEvent>(e.GetRawText())).ToList();
    }

    /// <summary>The demo budget (bilancio.json) with its lines and, when asked, its debt schedule, imported from the demo files.</summary>
    protected async Task<FinanceService.FinanceServiceClient> LoadDemoBudgetAsync(string tenant, bool withDebt = true)
    {
        var grpc = Grpc(tenant);
        await grpc.CreateBudgetAsync(JsonParser.Default.Parse<CreateBudgetRequest>(await File.ReadAllTextAsync(DupTables.Import("bilancio.json"), Cancellation)), Call());
        await CommitDemoAsync(tenant, "budget-lines", $"budgets/{DupTables.BudgetId}", "righe-di-bilancio.csv");
        if (withDebt) await CommitDemoAsync(tenant, "debt-schedule", $"budgets/{DupTables.BudgetId}", "indebitamento.csv");
        return grpc;
    }

    /// <summary>Commits one demo file through the streamed import, as the launcher does.</summary>
    protected async Task<ImportSummary> CommitDemoAsync(string tenant, string kind, string parent, string file)
    {
        var events = await ImportAsync(Via.Grpc, tenant, kind, parent, file, await File.ReadAllBytesAsync(DupTables.Import(file), Cancellation),
            ImportMode.Commit, $"demo-{kind}");
        Assert.True(Summary(events).Committed, Shown(events));
        return Summary(events);
    }

    protected static ImportSummary Summary(IReadOnlyList<ImportEvent> events) => events[^1].Summary;

    protected static List<ImportProblem> Problems(IReadOnlyList<ImportEvent> events) =>
        events.Where(e => e.Problem is not null).Select(e => e.Problem).ToList();

    protected static string Shown(IReadOnlyList<ImportEvent> events) =>
        string.Join("; ", Problems(events).Select(p => $"{p.Row}/{p.Column}/{p.Code}: {p.Message}"));

    protected static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The same table as an XLSX sheet, every cell written as the CSV's text.</summary>
    protected async Task<byte[]> XlsxAsync(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(';')).ToList();
        var schema = new TableSchema(lines[0].Select((h, i) => ColumnDefinition.OptionalColumn($"c{i}", ColumnKind.Text, h, $"column {i}")).ToList());
        using var output = new MemoryStream();
        await TableExport.WriteAsync(output, SpreadsheetFormat.Xlsx, schema,
            lines.Skip(1).Select(l => (IReadOnlyList<object?>)l.Select(c => c.Length == 0 ? null : (object?)c).ToList()).ToAsyncEnumerable(),
            cancellationToken: Cancellation);
        return output.ToArray();
    }
}
