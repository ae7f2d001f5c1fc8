namespace Documents.Tests;

/// <summary>The relazione sullo stato di attuazione and the pact's monitoring report of the demo data.</summary>
public sealed class ReportTests(DemoHosts hosts) : DocumentsTest(hosts), IClassFixture<DemoHosts>
{
    [Fact]
    public async Task The_relazione_totals_per_area_are_the_scorecard_of_the_year()
    {
        var scorecard = await new IndicatorsService.IndicatorsServiceClient(Hosts.Channel(Hosts.Indicators, DemoHosts.Tenant))
            .GetScorecardAsync(new GetScorecardRequest { Plan = DemoDup.Plan, Year = 2021 }, Call());
        var tables = RenderedTables.FromHtml(await RenderAsync(DemoHosts.Tenant, DemoDup.Plan, "relazione", "html", "&year=2021"));

        var areas = tables.Single("Sintesi per linea di mandato - anno 2021");
        Assert.Equal(scorecard.Roots.Count + 1, areas.Rows.Count);
        foreach (var (root, row) in scorecard.Roots.Zip(areas.Rows))
        {
            var c = root.SubtreeCounts;
            Assert.Equal([$"{root.Code} - {root.Title}", Printed(root.Score), .. new[] { c.Achieved, c.PartiallyAchieved, c.NotAchieved, c.NotMeasured, c.NoTarget }.Select(n => n.ToString())], row);
        }
        Assert.Equal(["Totale del piano", Printed(scorecard.Score)], areas.Rows[^1].Take(2));
        // Each strategic objective's indicators with the year's achievement and status.
        var piano = scorecard.Roots[0].Children[0];
        var indicators = tables.Single($"Indicatori 2021 dell'obiettivo {piano.Code}");
        Assert.Equal(piano.Indicators.Select(i => Printed(i.Achievement)), indicators.Rows.Select(r => r[3]));
    }

    [Fact]
    public async Task The_pact_monitoring_report_lists_every_project_with_its_state()
    {
        var tree = await new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, DemoHosts.Tenant))
            .GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/" + DemoDup.Pact }, Call());
        var tables = RenderedTables.FromDocx(await RenderAsync(DemoHosts.Tenant, DemoDup.Pact, "monitoraggio", "docx", "&year=2008"));
        var projects = tables.Where(t => t.Caption.StartsWith("Progetti di ", StringComparison.Ordinal)).SelectMany(t => t.Rows).ToList();
        Assert.Equal(tree.CountByLevel["Progetto"], projects.Count);
        Assert.Equal(projects.Count, projects.Select(p => p[0]).Distinct().Count());
        Assert.Contains(projects, p => p[5] != "—");
    }
}
