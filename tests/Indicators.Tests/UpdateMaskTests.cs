namespace Indicators.Tests;

/// <summary>An absent or empty update mask means "every field the client set" (AIP-134; issue 9, defect 6).</summary>
public sealed class UpdateMaskTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private const string Tenant = "indicator-masks";

    [Theory]
    [InlineData("no-mask", "")]
    [InlineData("empty-mask", "?updateMask=")]
    [InlineData("commas-mask", "?updateMask=,,,")]
    public async Task Rest_patch_without_a_mask_changes_the_fields_sent_and_keeps_the_others(string id, string query)
    {
        var rest = Rest(Tenant);
        await (await rest.PostJsonAsync($"/v1/indicators?indicator_id={id}", """{"title":"Raccolta differenziata","unit":"%"}""", Cancellation))
            .ReadJsonAsync(Cancellation);

        var json = await (await rest.PatchJsonAsync($"/v1/indicators/{id}{query}", """{"title":"Raccolta differenziata (%)"}""", Cancellation))
            .ReadJsonAsync(Cancellation);

        Assert.Equal("Raccolta differenziata (%)", json.GetProperty("title").GetString());
        Assert.Equal("%", json.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Grpc_update_without_a_mask_changes_the_fields_set()
    {
        var grpc = Grpc(Tenant);
        var created = await grpc.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "grpc-no-mask", Indicator = new Indicator { Title = "Indice", Unit = "n" },
        }, Call());

        var updated = await grpc.UpdateIndicatorAsync(new UpdateIndicatorRequest { Indicator = new Indicator { Name = created.Name, Unit = "%" } }, Call());

        Assert.Equal("%", updated.Unit);
        Assert.Equal("Indice", updated.Title);
    }
}
