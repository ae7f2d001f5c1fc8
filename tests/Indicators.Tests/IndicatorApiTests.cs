using System.Net;
using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Security;

namespace Indicators.Tests;

public sealed class IndicatorApiTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private static Indicator Waste() => new()
    {
        Title = "Percentuale raccolta differenziata",
        Unit = "%",
        Description = "rd_kg / rsu_kg * 100",
    };

    private Task<Indicator> CreateAsync(string id, Indicator? indicator = null) =>
        Grpc().CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = id, Indicator = indicator ?? Waste() }, Call()).ResponseAsync;

    private Task<Indicator> GetAsync(string name) =>
        Grpc().GetIndicatorAsync(new GetIndicatorRequest { Name = name }, Call()).ResponseAsync;

    [Fact]
    public async Task Created_indicator_reads_back_over_grpc_and_rest()
    {
        var created = await CreateAsync("rd-percent");

        Assert.Equal("indicators/rd-percent", created.Name);
        Assert.Equal(created, await GetAsync(created.Name));
        var json = await Rest().GetJsonAsync("/v1/indicators/rd-percent", Cancellation);
        Assert.Equal("%", json.GetProperty("unit").GetString());
        Assert.Equal(created.Etag, json.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Rest_create_and_list_with_paging()
    {
        var rest = Rest("indicator-paging");
        foreach (var id in new[] { "i-3", "i-1", "i-2" })
            await (await rest.PostJsonAsync($"/v1/indicators?indicator_id={id}", """{"title":"Indice","unit":"n"}""", Cancellation)).ReadJsonAsync(Cancellation);

        var first = await rest.GetJsonAsync("/v1/indicators?page_size=2", Cancellation);
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await rest.GetJsonAsync($"/v1/indicators?page_size=2&page_token={token}", Cancellation);

        var names = first.GetProperty("indicators").EnumerateArray().Concat(second.GetProperty("indicators").EnumerateArray())
            .Select(i => i.GetProperty("name").GetString());
        Assert.Equal(["indicators/i-1", "indicators/i-2", "indicators/i-3"], names);
        Assert.Equal("", second.GetProperty("nextPageToken").GetString());
    }

    [Fact]
    public async Task Invalid_indicator_is_refused_naming_every_field()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => CreateAsync("9-starts-with-digit", new Indicator { Unit = new string('x', 51) }));

        Assert.Equal(["indicator_id", "indicator.title", "indicator.unit"], status.ViolatedFields());
    }

    [Fact]
    public async Task Rest_refuses_an_indicator_without_title_and_writes_nothing()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Rest().PostJsonAsync("/v1/indicators?indicator_id=no-title", """{"unit":"%"}""", Cancellation));

        Assert.Equal(["indicator.title"], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await Rest().GetAsync("/v1/indicators/no-title", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Duplicate_id_is_already_exists()
    {
        await CreateAsync("twice");

        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => CreateAsync("twice"));
    }

    [Fact]
    public async Task Unknown_indicator_is_404()
    {
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Rest().GetAsync("/v1/indicators/never", Cancellation));
    }

    [Fact]
    public async Task Indicators_are_private_to_their_tenant()
    {
        await CreateAsync("private");
        var other = Grpc("another-ente");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/private" }, Call()).ResponseAsync);
        Assert.Empty((await other.ListIndicatorsAsync(new ListIndicatorsRequest(), Call())).Indicators);
    }

    private Indicator FullDefinition()
    {
        var indicator = Waste();
        indicator.Objectives.Add(host.Plan.NameOf("1.2"));
        indicator.Polarity = Indicator.Types.Polarity.HigherIsBetter;
        indicator.Kind = Indicator.Types.Kind.Impact;
        indicator.Formula = "rd_kg / rsu_kg * 100";
        indicator.Variables.Add(["rd_kg", "rsu_kg"]);
        indicator.Weight = "2";
        indicator.StatusBands = new StatusBands { AchievedFrom = "95", PartiallyAchievedFrom = "85" };
        indicator.Threshold = new Threshold { Comparison = Threshold.Types.Comparison.LessThan, Value = "50" };
        return indicator;
    }

    [Fact]
    public async Task Full_definition_round_trips_over_grpc_and_rest()
    {
        var created = await CreateAsync("full", FullDefinition());

        Assert.Equal([host.Plan.NameOf("1.2")], created.Objectives);
        Assert.Equal(2, created.Decimals);
        Assert.Equal("2", created.Weight);
        Assert.Equal("95", created.StatusBands.AchievedFrom);
        Assert.Equal(Threshold.Types.Comparison.LessThan, created.Threshold.Comparison);
        Assert.Equal(created, await GetAsync("indicators/full"));
        var json = await Rest().GetJsonAsync("/v1/indicators/full", Cancellation);
        Assert.Equal("HIGHER_IS_BETTER", json.GetProperty("polarity").GetString());
        Assert.Equal("rd_kg / rsu_kg * 100", json.GetProperty("formula").GetString());
    }

    [Fact]
    public async Task Linked_objectives_are_checked_with_a_deadline()
    {
        var before = DateTime.UtcNow;

        await CreateAsync("deadline", FullDefinition());

        lock (host.Plan.Deadlines)
            Assert.Contains(host.Plan.Deadlines, d => d > before && d <= DateTime.UtcNow.AddSeconds(5));
    }

    /// <summary>A formula naming <c>rsu</c> where the variables are rd_kg and rsu_kg, linked to an objective the plan lacks.</summary>
    private Indicator WithUnknownObjective(string formula)
    {
        var indicator = Waste();
        indicator.Objectives.Add(host.Plan.NameOf("9.9"));
        indicator.Formula = formula;
        indicator.Variables.Add(["rd_kg", "rsu_kg"]);
        return indicator;
    }

    [Fact]
    public async Task A_formula_with_an_unknown_variable_is_refused_naming_its_position()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => CreateAsync("refused-formula", WithUnknownObjective("rd_kg / rsu * 100")));

        Assert.Equal(["indicator.formula"], status.ViolatedFields());
        Assert.Contains("position 9", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Description);
        Assert.Contains("unknown variable 'rsu'", status.Message);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("indicators/refused-formula"));
    }

    [Fact]
    public async Task A_formula_dividing_by_a_constant_zero_is_refused_over_rest()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PostJsonAsync("/v1/indicators?indicator_id=refused",
            $$"""{"title":"x","objectives":["{{host.Plan.NameOf("9.9")}}"],"formula":"a / 0","variables":["a"]}""", Cancellation));

        Assert.Equal(["indicator.formula"], error.Fields);
        Assert.Contains("division by a constant zero", error.Message);
    }

    [Fact]
    public async Task An_unknown_objective_is_refused_and_nothing_is_written()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => CreateAsync("refused", WithUnknownObjective("rd_kg / rsu_kg * 100")));

        Assert.Equal(["indicator.objectives[0]"], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("indicators/refused"));
    }

    [Fact]
    public async Task An_indicator_belongs_to_a_plan_it_measures_no_objective_of_and_an_unknown_or_malformed_plan_is_refused()
    {
        var deficit = new Indicator { Title = "P1 - Incidenza spese rigide su entrate correnti", Unit = "%", Plans = { host.Plan.PlanName } };
        var created = await CreateAsync("plan-member", deficit);
        Assert.Equal([host.Plan.PlanName], created.Plans);
        Assert.Empty(created.Objectives);
        var export = await Grpc().ExportIndicatorsAsync(new Platform.Imports.V1.ExportRequest { Parent = host.Plan.PlanName }, Call());
        Assert.Contains("plan-member;", export.Data.ToStringUtf8());

        var unknown = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => CreateAsync("plan-unknown", new Indicator { Title = "x", Plans = { "plans/nessuno" } }));
        Assert.Equal(["indicator.plans[0]"], unknown.ViolatedFields());
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PostJsonAsync("/v1/indicators?indicator_id=plan-bad",
            """{"title":"x","plans":["piani/dup"]}""", Cancellation));
        Assert.Equal(["indicator.plans[0]"], error.Fields);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("indicators/plan-unknown"));
    }

    /// <summary>The waste indicator, then its title and polarity changed with a mask and its etag.</summary>
    private async Task<(Indicator Created, Indicator Updated)> UpdatedAsync(string id)
    {
        var created = await CreateAsync(id);
        var updated = await Grpc().UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator
            {
                Name = created.Name, Etag = created.Etag, Title = "Nuovo titolo", Unit = "ignored", Polarity = Indicator.Types.Polarity.LowerIsBetter,
            },
            UpdateMask = new FieldMask { Paths = { "title", "polarity" } },
        }, Call());
        return (created, updated);
    }

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_the_etag()
    {
        var (created, updated) = await UpdatedAsync("to-update");

        Assert.Equal(("Nuovo titolo", "%", Indicator.Types.Polarity.LowerIsBetter), (updated.Title, updated.Unit, updated.Polarity));
        Assert.NotEqual(created.Etag, updated.Etag);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_aborted()
    {
        var (created, _) = await UpdatedAsync("stale-update");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => Grpc().UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Etag = created.Etag, Title = "stale" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task Rest_patch_changes_the_masked_objectives_and_keeps_the_rest()
    {
        await UpdatedAsync("rest-update");

        var rest = await (await Rest().PatchJsonAsync("/v1/indicators/rest-update?update_mask=objectives",
            $$"""{"objectives":["{{host.Plan.NameOf("2.1")}}"]}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal(host.Plan.NameOf("2.1"), rest.GetProperty("objectives")[0].GetString());
        Assert.Equal("Nuovo titolo", rest.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_mask_naming_an_output_field_is_refused()
    {
        var (created, _) = await UpdatedAsync("bad-mask");

        var badMask = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => Grpc().UpdateIndicatorAsync(new UpdateIndicatorRequest
        {
            Indicator = new Indicator { Name = created.Name, Formula = "x +" },
            UpdateMask = new FieldMask { Paths = { "formula", "etag" } },
        }, Call()).ResponseAsync);

        Assert.Equal(["update_mask"], badMask.ViolatedFields());
    }

    [Fact]
    public async Task Deleted_indicator_is_not_found_over_rest()
    {
        var (created, _) = await UpdatedAsync("to-delete");

        await Grpc().DeleteIndicatorAsync(new DeleteIndicatorRequest { Name = created.Name }, Call());

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Rest().GetAsync("/v1/indicators/to-delete", Cancellation));
    }

    [Fact]
    public void Every_rpc_declares_its_access()
    {
        var methods = typeof(IndicatorsGrpcService).GetMethods()
            .Where(m => m.DeclaringType == typeof(IndicatorsGrpcService) && m.GetBaseDefinition().DeclaringType != m.DeclaringType)
            .ToList();

        Assert.Equal(IndicatorsService.Descriptor.Methods.Count, methods.Count);
        Assert.All(methods, m => Assert.NotNull(m.GetCustomAttributes(typeof(AccessAttribute), true).SingleOrDefault()));
    }

    [Fact]
    public void Reopening_a_period_is_for_admins()
    {
        var reopen = (AccessAttribute)typeof(IndicatorsGrpcService).GetMethod(nameof(IndicatorsGrpcService.ReopenPeriod))!
            .GetCustomAttributes(typeof(AccessAttribute), true).Single();

        Assert.Equal(AccessLevel.Admin, reopen.Level);
    }
}
