using Platform.Indicators.Scorecards;

namespace Indicators.Tests;

/// <summary>The scorecards held: found only under the stamp they were built with, and never more than the capacity.</summary>
public sealed class ScorecardCacheBoundTests
{
    private static ScorecardCache.Key Key(int i) => new("demo", $"plans/p{i}", 2021, 2021, "");

    /// <summary>A scorecard of <paramref name="nodes"/> root nodes.</summary>
    private static Scorecard[] Built(int nodes) =>
        [new Scorecard { Roots = { Enumerable.Range(0, nodes).Select(n => new ScorecardNode { Code = $"{n}" }) } }];

    [Fact]
    public void A_scorecard_is_found_only_under_its_stamp_and_a_newer_one_replaces_it()
    {
        using var cache = new ScorecardCache();
        var first = new ScorecardCache.Stamp("W/\"1\"", 4);
        var built = Built(3);
        cache.Hold(Key(1), first, built);

        Assert.Same(built, cache.Find(Key(1), first));
        Assert.Null(cache.Find(Key(1), first with { DataVersion = 5 }));
        Assert.Null(cache.Find(Key(1), first with { TreeEtag = "W/\"2\"" }));
        Assert.Null(cache.Find(Key(1) with { TenantId = "altro" }, first));

        cache.Hold(Key(1), first with { DataVersion = 5 }, Built(3));
        Assert.Null(cache.Find(Key(1), first));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Scorecards_beyond_the_capacity_are_not_held()
    {
        using var cache = new ScorecardCache();
        const int nodes = 999; // with the entry itself, 1,000 parts a scorecard
        for (var i = 0; i < 2 * ScorecardCache.CapacityInParts / (nodes + 1); i++)
            cache.Hold(Key(i), new ScorecardCache.Stamp("W/\"1\"", 1), Built(nodes));

        Assert.InRange(cache.Count, 1, ScorecardCache.CapacityInParts / (nodes + 1));
    }
}
