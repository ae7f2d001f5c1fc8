namespace Objectives.Tests;

/// <summary>Lists of a resource that has none answer an empty page, never a 500 (issue 9, defect 7).</summary>
public sealed class EmptyListTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "empty-lists";

    [Fact]
    public async Task A_plan_without_versions_lists_none_over_rest_and_grpc()
    {
        var rest = Rest(Tenant);
        await (await rest.PostJsonAsync("/v1/plans?plan_id=senza-versioni", """{"title":"DUP","kind":"DUP","startYear":2023,"endYear":2025}""", Cancellation))
            .ReadJsonAsync(Cancellation);

        var json = await rest.GetJsonAsync("/v1/plans/senza-versioni/versions", Cancellation);
        var grpc = await Grpc(Tenant).ListPlanVersionsAsync(new ListPlanVersionsRequest { Parent = "plans/senza-versioni" }, Call());

        Assert.False(json.TryGetProperty("versions", out var versions) && versions.GetArrayLength() > 0);
        Assert.Empty(grpc.Versions);
    }

    [Fact]
    public async Task An_objective_without_reports_lists_none()
    {
        var rest = Rest(Tenant);
        await (await rest.PostJsonAsync("/v1/plans?plan_id=senza-report",
            """{"title":"DUP","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea di mandato"]}""", Cancellation)).ReadJsonAsync(Cancellation);
        await (await rest.PostJsonAsync("/v1/plans/senza-report/objectives?objective_id=1", """{"title":"Linea 1"}""", Cancellation)).ReadJsonAsync(Cancellation);

        var json = await rest.GetJsonAsync("/v1/plans/senza-report/objectives/1/reports", Cancellation);

        Assert.False(json.TryGetProperty("reports", out var reports) && reports.GetArrayLength() > 0);
    }
}
