using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Indicators;
using Platform.Indicators.V1;
using Platform.Testing;

namespace Indicators.Tests;

/// <summary>
/// Concurrent updates of one indicator (issue 9, defect 8): writers without an etag are never refused; writers
/// with the same etag have exactly one winner. Half the writers use gRPC, half REST.
/// </summary>
public sealed class ConcurrentUpdateTests(IndicatorsHost host) : IClassFixture<IndicatorsHost>, IDisposable
{
    private const int Writers = 20;
    private const int Rounds = 10;
    private readonly ServiceFactory<IndicatorsGrpcService> _factory = host.Factory;

    public void Dispose() => Assert.Empty(_factory.Problems);

    private async Task<(IndicatorsService.IndicatorsServiceClient Grpc, HttpClient Http, Indicator Created)> CreateAsync(string id)
    {
        var grpc = new IndicatorsService.IndicatorsServiceClient(_factory.CreateGrpcChannel());
        var created = await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = id, Indicator = new Indicator { Title = "Raccolta differenziata", Unit = "%" },
        });
        return (grpc, _factory.CreateRestClient(), created);
    }

    private static Task<StatusCode> UpdateTitleAsync(IndicatorsService.IndicatorsServiceClient grpc, HttpClient rest,
        Indicator created, int writer, string etag) =>
        writer % 2 == 0
            ? ConcurrentWriters.OutcomeAsync(() => grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
            {
                Indicator = new Indicator { Name = created.Name, Title = $"Writer {writer}", Etag = etag },
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
        Assert.Equal($"W/\"{Rounds * Writers + 1}\"", (await grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = created.Name })).Etag);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        var (grpc, rest, created) = await CreateAsync("race-same-etag");

        var outcomes = await ConcurrentWriters.RunAsync(Writers, i => UpdateTitleAsync(grpc, rest, created, i, created.Etag));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(Writers - 1, outcomes.Count(o => o == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = created.Name })).Etag);
    }
}
