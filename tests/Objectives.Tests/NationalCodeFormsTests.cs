namespace Objectives.Tests;

/// <summary>Mission and programme codes as the national schemes print them are read in the form used here (issue 9, defect 15).</summary>
public sealed class NationalCodeFormsTests(ServiceFactory<ObjectivesGrpcService> factory) : IClassFixture<ServiceFactory<ObjectivesGrpcService>>, IDisposable
{
    private readonly ObjectivesService.ObjectivesServiceClient _grpc = new(factory.CreateGrpcChannel("code-forms"));

    public void Dispose() => Assert.Empty(factory.Problems);

    private Task<Plan> PlanAsync(string id) => _grpc.CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = id,
        Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
    }).ResponseAsync;

    [Fact]
    public async Task Zero_padded_codes_are_normalised_over_grpc_and_rest()
    {
        await PlanAsync("codes");

        var viaGrpc = await _grpc.CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = "plans/codes", ObjectiveId = "1",
            Objective = new Objective { Title = "Rifiuti", MissionCodes = { "09" }, ProgrammeCodes = { "09.03" } },
        });
        var viaRest = await (await factory.CreateRestClient("code-forms").PostJsonAsync("/v1/plans/codes/objectives?objective_id=2",
            """{"title":"Acqua","missionCodes":["09"],"programmeCodes":["0904"]}""")).ReadJsonAsync();

        Assert.Equal(("9", "9.03"), (viaGrpc.MissionCodes.Single(), viaGrpc.ProgrammeCodes.Single()));
        Assert.Equal("9.04", viaRest.GetProperty("programmeCodes")[0].GetString());
        Assert.Equal("9", viaRest.GetProperty("missionCodes")[0].GetString());
    }

    [Fact]
    public async Task A_wrong_programme_code_is_refused_showing_the_expected_form()
    {
        await PlanAsync("bad-codes");

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await factory.CreateRestClient("code-forms")
            .PostJsonAsync("/v1/plans/bad-codes/objectives?objective_id=1", """{"title":"x","programmeCodes":["9.3"]}"""));

        Assert.Equal(["objective.programme_codes"], error.Fields);
        Assert.Contains("9.03", error.Message);
    }
}
