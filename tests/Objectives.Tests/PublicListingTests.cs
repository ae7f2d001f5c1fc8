namespace Objectives.Tests;

/// <summary>Citizens list an ente's published plans, naming the ente; nothing defaults silently (issue 9, defect 16).</summary>
public sealed class PublicListingTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ApiTest<ObjectivesGrpcService>(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    [Fact]
    public async Task Anonymous_list_shows_the_published_plans_of_the_named_ente_only()
    {
        var admin = Rest("comune-trasparente");
        foreach (var id in new[] { "pubblico", "riservato" })
            await (await admin.PostJsonAsync($"/v1/plans?plan_id={id}", """{"title":"DUP","kind":"DUP","startYear":2023,"endYear":2025}""")).ReadJsonAsync();
        foreach (var state in new[] { "ADOPTED", "APPROVED" })
            await (await admin.PostJsonAsync("/v1/plans/pubblico:transition", $$"""{"state":"{{state}}"}""")).ReadJsonAsync();
        await (await admin.PostJsonAsync("/v1/plans/pubblico:publish", """{"published":true}""")).ReadJsonAsync();
        var anonymous = Anonymous();

        var plans = (await anonymous.GetJsonAsync("/v1/plans?ente=comune-trasparente")).GetProperty("plans").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString());

        Assert.Equal(["plans/pubblico"], plans);
        Assert.Equal(2, (await admin.GetJsonAsync("/v1/plans")).GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Anonymous_read_that_names_no_ente_is_told_to_name_one()
    {
        var anonymous = Anonymous();

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await anonymous.GetAsync("/v1/plans/pubblico"));

        Assert.Equal(["ente"], error.Fields);
    }

    [Fact]
    public async Task Anonymous_write_is_unauthenticated_whatever_the_ente()
    {
        var anonymous = Anonymous();

        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized,
            await anonymous.PostJsonAsync("/v1/plans?plan_id=x&ente=comune-trasparente", """{"title":"x","kind":"DUP","startYear":2023,"endYear":2023}"""));
    }
}
