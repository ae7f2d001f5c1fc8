namespace Indicators.Tests;

/// <summary>Italian offices write a half-year as a semestre: 2024-S1 is 2024-H1 (issue 9, defect 18).</summary>
public sealed class SemesterPeriodTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    [Fact]
    public async Task A_period_written_2024_S1_is_stored_and_read_as_2024_H1()
    {
        var rest = Rest("semesters");
        await (await rest.PostJsonAsync("/v1/indicators?indicator_id=rd", """{"title":"Raccolta differenziata","unit":"%"}""", Cancellation)).ReadJsonAsync(Cancellation);

        var written = await (await rest.PatchJsonAsync("/v1/indicators/rd/periods/2024-S1?allow_missing=true", """{"target":"70"}""", Cancellation))
            .ReadJsonAsync(Cancellation);

        Assert.Equal("indicators/rd/periods/2024-H1", written.GetProperty("name").GetString());
        var read = await rest.GetJsonAsync("/v1/indicators/rd/periods/2024-H1", Cancellation);
        Assert.Equal("70.00", read.GetProperty("target").GetString());
    }
}
