using System.Text;
using Google.Protobuf;
using Platform.Imports.V1;

namespace Objectives.Tests;

/// <summary>
/// The streamed upload every service offers (<c>ImportFile</c>): a file sent in many chunks imports like the
/// same file in one message; the kind chooses the table; a call without bytes or with an unknown kind is refused.
/// </summary>
public sealed class ImportFileStreamTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "objective-import-stream";

    private async Task<string> PlanAsync(string id) => (await Grpc(Tenant).CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = id,
        Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
    }, Call())).Name;

    /// <summary>Sends the header in the first chunk and the bytes in pieces of <paramref name="chunkSize"/>.</summary>
    private Task<IReadOnlyList<ImportEvent>> StreamAsync(ImportChunk header, byte[] content, int chunkSize) =>
        ImportCalls.StreamAsync(Grpc(Tenant).ImportFile(Call()), header, content, chunkSize, Cancellation);

    private static byte[] Objectives(int count)
    {
        var csv = new StringBuilder("Codice;Titolo;Codice padre\n1;Linea di mandato;\n");
        for (var i = 1; i < count; i++) csv.Append($"1.{i};Obiettivo numero {i} con un titolo lungo abbastanza;1\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task A_file_streamed_in_small_chunks_commits_every_row()
    {
        var plan = await PlanAsync("stream-commit");
        var content = Objectives(600);

        var events = await StreamAsync(new ImportChunk
        {
            Parent = plan, Kind = "objectives", Mode = ImportMode.Commit, RequestId = "stream-1", FileName = "obiettivi.csv",
        }, content, chunkSize: 1000);

        var summary = events[^1].Summary;
        Assert.True(summary.Committed, string.Join("\n", events.Where(e => e.Problem is not null).Select(e => e.Problem.Message)));
        Assert.Equal(600, summary.RowsRead);
        Assert.Equal(600, summary.WrittenByKind["objectives"]);
        Assert.Contains(events, e => e.Progress is { RowsDone: 200, RowsTotal: 600 });
        var tree = await Grpc(Tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan }, Call());
        Assert.Equal(600, tree.ObjectiveCount);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_on_its_field()
    {
        var plan = await PlanAsync("stream-kind");

        var error = await Assert.ThrowsAsync<RpcException>(() => StreamAsync(new ImportChunk
        {
            Parent = plan, Kind = "budget-lines", Mode = ImportMode.Preview, FileName = "righe.csv",
        }, Objectives(2), chunkSize: 100));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "kind");
    }

    [Fact]
    public async Task A_stream_without_bytes_is_refused_on_content()
    {
        var plan = await PlanAsync("stream-empty");
        using var call = Grpc(Tenant).ImportFile(Call());
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync(Cancellation)) { }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "content");
    }
}
