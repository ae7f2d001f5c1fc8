using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Finance;
using Platform.Finance.V1;
using Platform.Testing;

namespace Finance.Tests;

/// <summary>
/// Concurrent updates of one investment (issue 9, defect 8): writers without an etag are never refused; writers
/// with the same etag have exactly one winner. Half the writers use gRPC, half REST.
/// </summary>
public sealed class ConcurrentInvestmentUpdateTests(FinanceWithObjectives fixture) : IClassFixture<FinanceWithObjectives>, IDisposable
{
    private const int Writers = 20;
    private const int Rounds = 10;
    private readonly ServiceFactory<FinanceGrpcService> _factory = fixture.Finance;

    public void Dispose() => Assert.Empty(_factory.Problems);

    private async Task<(FinanceService.FinanceServiceClient Grpc, HttpClient Http, Investment Created)> CreateAsync(string id)
    {
        var grpc = new FinanceService.FinanceServiceClient(_factory.CreateGrpcChannel());
        var created = await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = id,
            Investment = new Investment { Cup = "D18I21000100005", Title = "Adeguamento sismico", PnrrMeasure = "M4-C1-I3.3", TotalCost = "3024000.00", State = "PLANNED" },
        });
        return (grpc, _factory.CreateRestClient(), created);
    }

    private static Task<StatusCode> UpdateTitleAsync(FinanceService.FinanceServiceClient grpc, HttpClient rest,
        Investment created, int writer, string etag) =>
        writer % 2 == 0
            ? ConcurrentWriters.OutcomeAsync(() => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
            {
                Investment = new Investment { Name = created.Name, Title = $"Writer {writer}", Etag = etag },
                UpdateMask = new FieldMask { Paths = { "title" } },
            }).ResponseAsync)
            : ConcurrentWriters.OutcomeAsync(rest.PatchJsonAsync($"/v1/{created.Name}?update_mask=title",
                JsonSerializer.Serialize(new { title = $"Writer {writer}", etag })));

    [Fact]
    public async Task Concurrent_updates_without_an_etag_all_succeed()
    {
        var (grpc, rest, created) = await CreateAsync("race-no-etag");

        var outcomes = new List<StatusCode>();
        for (var round = 0; round < Rounds; round++)
            outcomes.AddRange(await ConcurrentWriters.RunAsync(Writers, i => UpdateTitleAsync(grpc, rest, created, i, "")));

        Assert.All(outcomes, o => Assert.Equal(StatusCode.OK, o));
        Assert.Equal($"W/\"{Rounds * Writers + 1}\"", (await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name })).Etag);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        var (grpc, rest, created) = await CreateAsync("race-same-etag");

        var outcomes = await ConcurrentWriters.RunAsync(Writers, i => UpdateTitleAsync(grpc, rest, created, i, created.Etag));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(Writers - 1, outcomes.Count(o => o == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name })).Etag);
    }
}
