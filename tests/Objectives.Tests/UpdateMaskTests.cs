namespace Objectives.Tests;

/// <summary>An absent or empty update mask means "every field the client set" (AIP-134; issue 9, defect 6).</summary>
public sealed class UpdateMaskTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "update-masks";

    private Task<Plan> CreateAsync(string id) => Grpc(Tenant).CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = id,
        Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Description = "Cremona" },
    }, Call()).ResponseAsync;

    [Theory]
    [InlineData("no-mask", "")]
    [InlineData("empty-mask", "?updateMask=")]
    [InlineData("commas-mask", "?updateMask=,,,")]
    public async Task Rest_patch_without_a_mask_changes_the_fields_sent_and_keeps_the_others(string id, string query)
    {
        await CreateAsync(id);

        var json = await (await Rest(Tenant).PatchJsonAsync($"/v1/plans/{id}{query}", """{"title":"DUP 2024-2026","endYear":2026}""", Cancellation))
            .ReadJsonAsync(Cancellation);

        Assert.Equal("DUP 2024-2026", json.GetProperty("title").GetString());
        Assert.Equal(2026, json.GetProperty("endYear").GetInt32());
        Assert.Equal(2023, json.GetProperty("startYear").GetInt32());
        Assert.Equal("Cremona", json.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Grpc_update_without_a_mask_changes_the_fields_set()
    {
        var created = await CreateAsync("grpc-no-mask");

        var updated = await Grpc(Tenant).UpdatePlanAsync(new UpdatePlanRequest { Plan = new Plan { Name = created.Name, FreeChildCodes = true } }, Call());

        Assert.True(updated.FreeChildCodes);
        Assert.Equal("DUP", updated.Title);
        Assert.Equal(2025, updated.EndYear);
    }
}
