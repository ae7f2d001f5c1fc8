using Platform.Launcher.Demo;

namespace Indicators.Tests;

/// <summary>The Indicators service with a fake Objectives service serving the pact's eight axes (codes 1-8).</summary>
public sealed class PactHost() : IndicatorsHost(FakePlan.FromCodes("patto-sviluppo-2007",
    Enumerable.Range(1, 8).Select(axis => ($"{axis}", $"Asse strategico {axis}"))));

/// <summary>The development pact's strategic indicators and project monitoring, imported from the demo's file.</summary>
public sealed class PactIndicatorsTests(PactHost host) : IndicatorsTest(host), IClassFixture<PactHost>
{
    [Fact]
    public async Task The_pact_file_imports_three_indicators_per_axis_and_the_annual_monitoring_of_every_axis()
    {
        var file = DemoIndicators.Files().Single(f => f.Parent == "plans/patto-sviluppo-2007");

        var summary = await DemoIndicators.ImportAsync(Grpc("pact"), file.Parent, file.Path, Cancellation);

        Assert.Equal(25, summary.WrittenByKind["indicators"]);
        var indicators = (await Grpc("pact").ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 100 }, Call())).Indicators;
        var strategic = indicators.Where(i => i.Name.StartsWith("indicators/patto-asse-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(a => $"plans/patto-sviluppo-2007/objectives/{a}"),
            strategic.GroupBy(i => i.Objectives.Single()).Where(g => g.Count() == 3).Select(g => g.Key).Order());
        Assert.Contains(strategic, i => i.Title == "Brevetti registrati (brevetti europei EPO)");
        var monitoring = indicators.Single(i => i.Name == "indicators/patto-monitoraggio-progetti");
        Assert.Equal(8, monitoring.Objectives.Count);
        Assert.Contains("trasmetterà con cadenza annuale al Comitato Strategico un report", monitoring.Notes, StringComparison.Ordinal);
    }
}
