namespace Objectives.Tests;

/// <summary>Mission and programme codes as the national schemes print them are read in the form used here (issue 9, defect 15).</summary>
public sealed class NationalCodeFormsTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "code-forms";

    private Task<Plan> PlanAsync(string id) => Grpc(Tenant).CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = id,
        Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
    }, Call()).ResponseAsync;

    [Fact]
    public async Task Zero_padded_codes_are_normalised_over_grpc()
    {
        await PlanAsync("codes-grpc");

        var created = await Grpc(Tenant).CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = "plans/codes-grpc", ObjectiveId = "1",
            Objective = new Objective { Title = "Rifiuti", MissionCodes = { "09" }, ProgrammeCodes = { "09.03" } },
        }, Call());

        Assert.Equal(("9", "9.03"), (created.MissionCodes.Single(), created.ProgrammeCodes.Single()));
    }

    [Fact]
    public async Task Zero_padded_codes_are_normalised_over_rest()
    {
        await PlanAsync("codes-rest");

        var created = await (await Rest(Tenant).PostJsonAsync("/v1/plans/codes-rest/objectives?objective_id=2",
            """{"title":"Acqua","missionCodes":["09"],"programmeCodes":["0904"]}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("9.04", created.GetProperty("programmeCodes")[0].GetString());
        Assert.Equal("9", created.GetProperty("missionCodes")[0].GetString());
    }

    [Fact]
    public async Task A_wrong_programme_code_is_refused_showing_the_expected_form()
    {
        await PlanAsync("bad-codes");

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest(Tenant)
            .PostJsonAsync("/v1/plans/bad-codes/objectives?objective_id=1", """{"title":"x","programmeCodes":["9.3"]}""", Cancellation));

        Assert.Equal(["objective.programme_codes"], error.Fields);
        Assert.Contains("9.03", error.Message);
    }
}
