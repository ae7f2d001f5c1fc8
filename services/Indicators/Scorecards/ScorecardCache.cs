using Microsoft.Extensions.Caching.Memory;

namespace Platform.Indicators.Scorecards;

/// <summary>
/// Scorecards built in this process, per ente and request (plan, years, objective), each with the stamp it
/// was built under: the etag of the plan's tree and the ente's data version. A scorecard is reused only under
/// the same stamp, and a newer one replaces it. Bounded by size: <see cref="CapacityInParts"/> nodes and
/// indicator rows over all the scorecards held (a few hundred bytes each; the DUP's scorecard has about 270).
/// The scorecards handed out are shared between callers and must not be changed.
/// </summary>
public sealed class ScorecardCache : IDisposable
{
    public const int CapacityInParts = 100_000;

    private readonly MemoryCache scorecards = new(new MemoryCacheOptions { SizeLimit = CapacityInParts });

    public readonly record struct Key(string TenantId, string Plan, int StartYear, int EndYear, string ObjectiveCode);

    /// <summary>What the scorecards were built from: the same stamp means the same scorecards.</summary>
    public readonly record struct Stamp(string TreeEtag, long DataVersion);

    private sealed record Entry(Stamp Stamp, IReadOnlyList<Scorecard> Scorecards);

    /// <summary>The scorecards built for <paramref name="key"/> under <paramref name="stamp"/>, or null.</summary>
    public IReadOnlyList<Scorecard>? Find(Key key, Stamp stamp) =>
        scorecards.TryGetValue(key, out Entry? entry) && entry!.Stamp == stamp ? entry.Scorecards : null;

    /// <summary>Holds <paramref name="built"/> for <paramref name="key"/> under <paramref name="stamp"/>, in place of any older ones.</summary>
    public void Hold(Key key, Stamp stamp, IReadOnlyList<Scorecard> built) =>
        scorecards.Set(key, new Entry(stamp, built), new MemoryCacheEntryOptions { Size = 1 + built.Sum(s => Parts(s.Roots)) });

    private static long Parts(IEnumerable<ScorecardNode> nodes) => nodes.Sum(n => 1 + n.Indicators.Count + Parts(n.Children));

    /// <summary>Requests held now.</summary>
    public int Count => scorecards.Count;

    public void Dispose() => scorecards.Dispose();
}
