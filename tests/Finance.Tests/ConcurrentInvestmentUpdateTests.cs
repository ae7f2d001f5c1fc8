using Google.Protobuf.WellKnownTypes;

namespace Finance.Tests;

/// <summary>Writers without an etag never get ABORTED; with one etag exactly one wins (issue 9, defect 8).</summary>
public sealed class ConcurrentInvestmentUpdateTests(FinanceWithObjectives host) : FinanceTest(host), IClassFixture<FinanceWithObjectives>
{
    private async Task<(FinanceService.FinanceServiceClient Grpc, Investment Created)> CreateAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        var created = await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "scuola",
            Investment = new Investment { Cup = "D18I21000100005", Title = "Scuola", TotalCost = "1000.00", State = "PLANNED" },
        }, Call());
        return (grpc, created);
    }

    [Fact]
    public async Task Twenty_writers_without_an_etag_all_succeed()
    {
        var (grpc, created) = await CreateAsync("concurrent-no-etag");

        var statuses = await Concurrent.StatusesAsync(20, i => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Title = $"Scuola {i}" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);

        Assert.All(statuses, status => Assert.Equal(StatusCode.OK, status));
        Assert.Equal("W/\"21\"", (await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name }, Call())).Etag);
    }

    [Fact]
    public async Task Twenty_writers_with_the_same_etag_have_exactly_one_winner()
    {
        var (grpc, created) = await CreateAsync("concurrent-etag");

        var outcomes = await Concurrent.StatusesAsync(20, i => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Title = $"Scuola {i}", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(19, outcomes.Count(o => o == StatusCode.Aborted));
    }
}
