namespace Objectives.Tests;

/// <summary>Citizens list an ente's published plans, naming the ente; nothing defaults silently (issue 9, defect 16).</summary>
public sealed class PublicListingTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    [Fact]
    public async Task Anonymous_list_shows_the_published_plans_of_the_named_ente_only()
    {
        var admin = Rest("comune-trasparente");
        foreach (var id in new[] { "pubblico", "riservato" })
            await (await admin.PostJsonAsync($"/v1/plans?plan_id={id}", """{"title":"DUP","kind":"DUP","startYear":2023,"endYear":2025}""", Cancellation)).ReadJsonAsync(Cancellation);
        foreach (var state in new[] { "ADOPTED", "APPROVED" })
            await (await admin.PostJsonAsync("/v1/plans/pubblico:transition", $$"""{"state":"{{state}}"}""", Cancellation)).ReadJsonAsync(Cancellation);
        await (await admin.PostJsonAsync("/v1/plans/pubblico:publish", """{"published":true}""", Cancellation)).ReadJsonAsync(Cancellation);

        var plans = (await Anonymous().GetJsonAsync("/v1/plans?ente=comune-trasparente", Cancellation)).GetProperty("plans").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString());

        Assert.Equal(["plans/pubblico"], plans);
        Assert.Equal(2, (await admin.GetJsonAsync("/v1/plans", Cancellation)).GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task Anonymous_read_that_names_no_ente_is_told_to_name_one()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Anonymous().GetAsync("/v1/plans/pubblico", Cancellation));

        Assert.Equal(["ente"], error.Fields);
    }

    [Fact]
    public async Task Anonymous_write_is_unauthenticated_whatever_the_ente()
    {
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Anonymous().PostJsonAsync(
            "/v1/plans?plan_id=x&ente=comune-trasparente", """{"title":"x","kind":"DUP","startYear":2023,"endYear":2023}""", Cancellation));
    }
}
