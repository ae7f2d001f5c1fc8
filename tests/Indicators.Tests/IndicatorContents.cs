namespace Indicators.Tests;

/// <summary>What an ente holds of indicators, read through the API, for comparing two entes field by field.</summary>
public static class IndicatorContents
{
    /// <summary>Every indicator with its periods, in id order, without the times and etags (when and how often, not what).</summary>
    public static async Task<List<(Indicator Indicator, List<Period> Periods)>> ReadAsync(IndicatorsService.IndicatorsServiceClient client,
        CancellationToken cancellationToken)
    {
        var result = new List<(Indicator, List<Period>)>();
        var list = await client.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 500 }, cancellationToken: cancellationToken);
        foreach (var indicator in list.Indicators)
        {
            var periods = (await client.ListPeriodsAsync(new ListPeriodsRequest { Parent = indicator.Name }, cancellationToken: cancellationToken)).Periods
                .Select(p => { var copy = p.Clone(); copy.UpdateTime = null; copy.Etag = ""; return copy; }).ToList();
            var definition = indicator.Clone();
            definition.CreateTime = definition.UpdateTime = null;
            definition.Etag = "";
            result.Add((definition, periods));
        }
        return result;
    }

    /// <summary>The same indicators, every field of the definition and every period equal.</summary>
    public static void AssertSame(List<(Indicator Indicator, List<Period> Periods)> expected, List<(Indicator Indicator, List<Period> Periods)> actual)
    {
        Assert.Equal(expected.Select(e => e.Indicator.Name), actual.Select(a => a.Indicator.Name));
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var field in Indicator.Descriptor.Fields.InFieldNumberOrder())
                Assert.Equal(field.Accessor.GetValue(expected[i].Indicator)?.ToString(), field.Accessor.GetValue(actual[i].Indicator)?.ToString());
            Assert.Equal(expected[i].Periods, actual[i].Periods);
        }
    }
}
