using System.Net;
using Grpc.Core;
using Platform.Indicators;
using Platform.Indicators.V1;
using Platform.Testing;

namespace Indicators.Tests;

public sealed class IndicatorApiTests : IClassFixture<ServiceFactory<IndicatorsGrpcService>>, IDisposable
{
    private readonly ServiceFactory<IndicatorsGrpcService> _factory;
    private readonly IndicatorsService.IndicatorsServiceClient _grpc;
    private readonly HttpClient _rest;

    public IndicatorApiTests(ServiceFactory<IndicatorsGrpcService> factory)
    {
        _factory = factory;
        _grpc = new IndicatorsService.IndicatorsServiceClient(factory.CreateGrpcChannel());
        _rest = factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_factory.ErrorLogs);

    private static Indicator Waste() => new()
    {
        Title = "Percentuale raccolta differenziata",
        Unit = "%",
        Description = "rd_kg / rsu_kg * 100",
    };

    [Fact]
    public async Task Created_indicator_reads_back_over_grpc_and_rest()
    {
        var created = await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "rd-percent", Indicator = Waste() });

        Assert.Equal("indicators/rd-percent", created.Name);
        Assert.Equal(created, await _grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = created.Name }));
        var json = await _rest.GetJsonAsync("/v1/indicators/rd-percent");
        Assert.Equal("%", json.GetProperty("unit").GetString());
        Assert.Equal(created.Etag, json.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Rest_create_and_list_with_paging()
    {
        var rest = _factory.CreateRestClient("indicator-paging");
        foreach (var id in new[] { "i-3", "i-1", "i-2" })
            await (await rest.PostJsonAsync($"/v1/indicators?indicator_id={id}", """{"title":"Indice","unit":"n"}""")).ReadJsonAsync();

        var first = await rest.GetJsonAsync("/v1/indicators?page_size=2");
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await rest.GetJsonAsync($"/v1/indicators?page_size=2&page_token={token}");

        var names = first.GetProperty("indicators").EnumerateArray().Concat(second.GetProperty("indicators").EnumerateArray())
            .Select(i => i.GetProperty("name").GetString());
        Assert.Equal(["indicators/i-1", "indicators/i-2", "indicators/i-3"], names);
        Assert.Equal("", second.GetProperty("nextPageToken").GetString());
    }

    [Fact]
    public async Task Invalid_indicator_is_refused_with_field_violations_over_both_protocols()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.CreateIndicatorAsync(
            new CreateIndicatorRequest { IndicatorId = "9-starts-with-digit", Indicator = new Indicator { Unit = new string('x', 51) } }).ResponseAsync);
        Assert.Equal(["indicator_id", "indicator.title", "indicator.unit"], status.ViolatedFields());

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await _rest.PostJsonAsync("/v1/indicators?indicator_id=no-title", """{"unit":"%"}"""));
        Assert.Equal(["indicator.title"], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await _rest.GetAsync("/v1/indicators/no-title")).StatusCode);
    }

    [Fact]
    public async Task Duplicate_is_409_and_unknown_is_404()
    {
        await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "twice", Indicator = Waste() });

        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () =>
            _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "twice", Indicator = Waste() }).ResponseAsync);
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await _rest.GetAsync("/v1/indicators/never"));
    }

    [Fact]
    public async Task Indicators_are_private_to_their_tenant()
    {
        await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "private", Indicator = Waste() });
        var other = new IndicatorsService.IndicatorsServiceClient(_factory.CreateGrpcChannel("another-ente"));

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/private" }).ResponseAsync);
        Assert.Empty((await other.ListIndicatorsAsync(new ListIndicatorsRequest())).Indicators);
    }
}
