using System.Net;

namespace Indicators.Tests;

/// <summary>
/// <c>notes</c> was added with the proto and one rule only (issue 10): the card column stores it, the descriptor
/// makes it updatable and audited.
/// </summary>
public sealed class IndicatorNotesTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private const string Tenant = "indicator-notes";
    private static readonly string LongNotes = string.Concat(Enumerable.Repeat("Fonte: anagrafe comunale, dato al 31/12. ", 300));

    [Fact]
    public async Task Notes_are_stored_whole_and_read_back()
    {
        await Grpc(Tenant).CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "notes-whole", Indicator = new Indicator { Title = "Residenti", Unit = "n", Notes = LongNotes },
        }, Call());

        var read = await Grpc(Tenant).GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/notes-whole" }, Call());

        Assert.Equal(LongNotes, read.Notes);
    }

    [Fact]
    public async Task Notes_change_through_an_update_mask_and_the_change_is_audited()
    {
        var created = await Grpc(Tenant).CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "notes-masked", Indicator = new Indicator { Title = "Residenti", Unit = "n", Notes = "prima" },
        }, Call());

        var rest = Rest(Tenant);
        var patched = await (await rest.PatchJsonAsync("/v1/indicators/notes-masked?updateMask=notes", """{"notes":"dopo","title":"ignorato"}""", Cancellation)).ReadJsonAsync(Cancellation);
        var trail = await rest.GetJsonAsync("/v1/indicators/notes-masked/auditEvents", Cancellation);

        Assert.Equal("dopo", patched.GetProperty("notes").GetString());
        Assert.Equal(created.Title, patched.GetProperty("title").GetString());
        var update = trail.GetProperty("auditEvents").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "update");
        var change = update.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "notes");
        Assert.Equal("prima", change.GetProperty("oldValue").GetString());
        Assert.Equal("dopo", change.GetProperty("newValue").GetString());
    }

    [Fact]
    public async Task Notes_longer_than_the_limit_are_refused_on_their_field()
    {
        var response = await Rest(Tenant).PostJsonAsync("/v1/indicators?indicator_id=notes-long",
            $$"""{"title":"Residenti","notes":"{{new string('x', 20_001)}}"}""", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("indicator.notes", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
