using Google.Protobuf.WellKnownTypes;

namespace Indicators.Tests;

/// <summary>Writers without an etag never get ABORTED; with one etag exactly one wins (issue 9, defect 8).</summary>
public sealed class ConcurrentIndicatorUpdateTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private async Task<(IndicatorsService.IndicatorsServiceClient Grpc, Indicator Created)> CreateAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        var created = await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "rd", Indicator = new Indicator { Title = "Indice", Unit = "%" },
        }, Call());
        return (grpc, created);
    }

    [Fact]
    public async Task Twenty_writers_without_an_etag_all_succeed()
    {
        var (grpc, created) = await CreateAsync("indicator-no-etag");

        var statuses = await Concurrent.StatusesAsync(20, i => grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Title = $"Indice {i}" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);

        Assert.All(statuses, status => Assert.Equal(StatusCode.OK, status));
        Assert.Equal("W/\"21\"", (await grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = created.Name }, Call())).Etag);
    }

    [Fact]
    public async Task Twenty_writers_with_the_same_etag_have_exactly_one_winner()
    {
        var (grpc, created) = await CreateAsync("indicator-etag");

        var outcomes = await Concurrent.StatusesAsync(20, i => grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Title = $"Indice {i}", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(19, outcomes.Count(o => o == StatusCode.Aborted));
    }
}
