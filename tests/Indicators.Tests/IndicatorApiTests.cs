using System.Net;
using Google.Protobuf.WellKnownTypes;
using Platform.Objectives.V1;

namespace Indicators.Tests;

public sealed class IndicatorApiTests : IClassFixture<IndicatorsHost>, IDisposable
{
    private readonly IndicatorsHost _host;
    private readonly ServiceFactory<IndicatorsGrpcService> _factory;
    private readonly IndicatorsService.IndicatorsServiceClient _grpc;
    private readonly HttpClient _rest;

    public IndicatorApiTests(IndicatorsHost host)
    {
        _host = host;
        var factory = _factory = host.Factory;
        _grpc = new IndicatorsService.IndicatorsServiceClient(factory.CreateGrpcChannel());
        _rest = factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_factory.Problems);

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

    [Fact]
    public async Task Full_definition_round_trips_and_objectives_are_checked_with_a_deadline()
    {
        var indicator = Waste();
        indicator.Objectives.Add(_host.Tree.NameOf("1.2"));
        indicator.Polarity = Indicator.Types.Polarity.HigherIsBetter;
        indicator.Kind = Indicator.Types.Kind.Impact;
        indicator.Formula = "rd_kg / rsu_kg * 100";
        indicator.Variables.Add(["rd_kg", "rsu_kg"]);
        indicator.Weight = "2";
        indicator.StatusBands = new StatusBands { AchievedFrom = "95", PartiallyAchievedFrom = "85" };
        indicator.Threshold = new Threshold { Comparison = Threshold.Types.Comparison.LessThan, Value = "50" };
        var before = DateTime.UtcNow;

        var created = await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "full", Indicator = indicator });

        Assert.Equal([_host.Tree.NameOf("1.2")], created.Objectives);
        Assert.Equal(2, created.Decimals);
        Assert.Equal("2", created.Weight);
        Assert.Equal("95", created.StatusBands.AchievedFrom);
        Assert.Equal(Threshold.Types.Comparison.LessThan, created.Threshold.Comparison);
        Assert.Equal(created, await _grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/full" }));
        var json = await _rest.GetJsonAsync("/v1/indicators/full");
        Assert.Equal("HIGHER_IS_BETTER", json.GetProperty("polarity").GetString());
        Assert.Equal("rd_kg / rsu_kg * 100", json.GetProperty("formula").GetString());
        lock (_host.Tree.Deadlines)
            Assert.Contains(_host.Tree.Deadlines, d => d > before && d <= DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Unknown_objective_and_bad_formula_are_field_violations_and_nothing_is_written()
    {
        var indicator = Waste();
        indicator.Objectives.Add(_host.Tree.NameOf("9.9"));
        indicator.Formula = "rd_kg / rsu * 100";
        indicator.Variables.Add(["rd_kg", "rsu_kg"]);

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () =>
            _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "refused", Indicator = indicator }).ResponseAsync);
        Assert.Equal(["indicator.formula"], status.ViolatedFields());
        Assert.Contains("position 9", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description);
        Assert.Contains("unknown variable 'rsu'", status.Message);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.PostJsonAsync("/v1/indicators?indicator_id=refused",
            $$"""{"title":"x","objectives":["{{_host.Tree.NameOf("9.9")}}"],"formula":"a / 0","variables":["a"]}"""));
        Assert.Equal(["indicator.formula"], error.Fields);
        Assert.Contains("division by a constant zero", error.Message);

        indicator.Formula = "rd_kg / rsu_kg * 100";
        status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () =>
            _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "refused", Indicator = indicator }).ResponseAsync);
        Assert.Equal(["indicator.objectives[0]"], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => _grpc.GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/refused" }).ResponseAsync);
    }

    [Fact]
    public async Task Update_with_mask_and_etag_then_delete()
    {
        var created = await _grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "to-update", Indicator = Waste() });

        var updated = await _grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Etag = created.Etag, Title = "Nuovo titolo", Unit = "ignored", Polarity = Indicator.Types.Polarity.LowerIsBetter },
            UpdateMask = new FieldMask { Paths = { "title", "polarity" } },
        });
        Assert.Equal(("Nuovo titolo", "%", Indicator.Types.Polarity.LowerIsBetter), (updated.Title, updated.Unit, updated.Polarity));
        Assert.NotEqual(created.Etag, updated.Etag);

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => _grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Etag = created.Etag, Title = "stale" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);

        var rest = await (await _rest.PatchJsonAsync("/v1/indicators/to-update?update_mask=objectives",
            $$"""{"objectives":["{{_host.Tree.NameOf("2.1")}}"]}""")).ReadJsonAsync();
        Assert.Equal(_host.Tree.NameOf("2.1"), rest.GetProperty("objectives")[0].GetString());
        Assert.Equal("Nuovo titolo", rest.GetProperty("title").GetString());

        var badMask = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Formula = "x +" },
            UpdateMask = new FieldMask { Paths = { "formula", "etag" } },
        }).ResponseAsync);
        Assert.Equal(["update_mask"], badMask.ViolatedFields());

        await _grpc.DeleteIndicatorAsync(new DeleteIndicatorRequest { Name = created.Name });
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await _rest.GetAsync("/v1/indicators/to-update"));
    }

    [Fact]
    public async Task Every_rpc_declares_its_access()
    {
        var methods = typeof(IndicatorsGrpcService).GetMethods()
            .Where(m => m.DeclaringType == typeof(IndicatorsGrpcService) && m.GetBaseDefinition().DeclaringType != m.DeclaringType)
            .ToList();
        Assert.Equal(IndicatorsService.Descriptor.Methods.Count, methods.Count);
        Assert.All(methods, m => Assert.NotNull(m.GetCustomAttributes(typeof(Platform.ServiceDefaults.Security.AccessAttribute), true).SingleOrDefault()));
        var reopen = (Platform.ServiceDefaults.Security.AccessAttribute)typeof(IndicatorsGrpcService).GetMethod(nameof(IndicatorsGrpcService.ReopenPeriod))!
            .GetCustomAttributes(typeof(Platform.ServiceDefaults.Security.AccessAttribute), true).Single();
        Assert.Equal(Platform.ServiceDefaults.Security.AccessLevel.Admin, reopen.Level);
        await Task.CompletedTask;
    }
}

public sealed class ObjectivesDownTests
{
    [Fact]
    public async Task Unreachable_objectives_is_unavailable_with_a_clear_message()
    {
        using var factory = new ServiceFactory<IndicatorsGrpcService>()
            .WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => new Unreachable());
        var grpc = new IndicatorsService.IndicatorsServiceClient(factory.CreateGrpcChannel());
        var indicator = new Indicator { Title = "x", Objectives = { "plans/dup-test/objectives/1" } };

        var started = DateTime.UtcNow;
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.Unavailable, () =>
            grpc.CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "x", Indicator = indicator }).ResponseAsync);
        Assert.Contains("objectives", status.Message);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.ServiceUnavailable,
            await factory.CreateRestClient().GetAsync("/v1/scorecards/dup-test?year=2021"));
        Assert.Contains("objectives", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Objectives_that_never_answer_is_unavailable_within_the_deadline()
    {
        using var factory = new ServiceFactory<IndicatorsGrpcService>()
            .WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => new Hanging());
        var grpc = new IndicatorsService.IndicatorsServiceClient(factory.CreateGrpcChannel());

        var started = DateTime.UtcNow;
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.Unavailable, () =>
            grpc.GetScorecardAsync(new GetScorecardRequest { Plan = "dup-test", Year = 2021 }).ResponseAsync);
        var elapsed = DateTime.UtcNow - started;
        Assert.Contains("objectives", status.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(9));
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new HttpRequestException("Connection refused (fake)",
                new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }
    }

    private sealed class Hanging : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException();
        }
    }
}
