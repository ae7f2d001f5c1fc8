using Platform.Objectives.Client;
using Platform.Objectives.V1;

namespace Indicators.Tests;

/// <summary>The rules of the BASIC tree cache: what it keeps, what it gives back, and for whom.</summary>
public sealed class PlanTreeCacheTests : IDisposable
{
    private readonly PlanTreeCache _cache = new();

    private static PlanTree Tree(string etag, string title = "DUP") => new() { Plan = new Plan { Name = "plans/p", Title = title }, Etag = etag };

    private static PlanTree NotModified(string etag) => new() { Etag = etag, NotModified = true };

    [Fact]
    public void A_new_tree_is_kept_and_given_back_while_objectives_says_it_is_unchanged()
    {
        var tree = Tree("W/\"1\"");
        Assert.Same(tree, _cache.Resolve("a", "plans/p", null, tree));
        var held = _cache.Held("a", "plans/p");
        Assert.Same(tree, held);
        Assert.Same(tree, _cache.Resolve("a", "plans/p", held, NotModified("W/\"1\"")));
    }

    [Fact]
    public void A_changed_tree_replaces_the_held_one()
    {
        var old = Tree("W/\"1\"");
        _cache.Resolve("a", "plans/p", null, old);
        var fresh = Tree("W/\"2\"", "DUP rivisto");
        Assert.Same(fresh, _cache.Resolve("a", "plans/p", old, fresh));
        Assert.Same(fresh, _cache.Held("a", "plans/p"));
    }

    [Fact]
    public void Trees_are_held_per_tenant_and_plan()
    {
        _cache.Resolve("a", "plans/p", null, Tree("W/\"1\"", "di a"));
        Assert.Null(_cache.Held("b", "plans/p"));
        Assert.Null(_cache.Held("a", "plans/q"));
        _cache.Resolve("b", "plans/p", null, Tree("W/\"1\"", "di b"));
        Assert.Equal("di a", _cache.Held("a", "plans/p")!.Plan.Title);
        Assert.Equal("di b", _cache.Held("b", "plans/p")!.Plan.Title);
    }

    [Fact]
    public void A_tree_without_etag_is_used_but_not_kept()
    {
        var tree = Tree("");
        Assert.Same(tree, _cache.Resolve("a", "plans/p", null, tree));
        Assert.Null(_cache.Held("a", "plans/p"));
    }

    [Fact]
    public void Not_modified_for_another_etag_than_the_held_one_is_an_error_not_a_stale_tree()
    {
        var held = Tree("W/\"1\"");
        _cache.Resolve("a", "plans/p", null, held);
        Assert.Throws<InvalidOperationException>(() => _cache.Resolve("a", "plans/p", held, NotModified("W/\"2\"")));
        Assert.Throws<InvalidOperationException>(() => _cache.Resolve("a", "plans/p", null, NotModified("W/\"1\"")));
    }

    [Fact]
    public void It_never_holds_more_than_its_capacity()
    {
        for (var i = 0; i < PlanTreeCache.Capacity * 2; i++) _cache.Resolve($"t{i}", "plans/p", null, Tree("W/\"1\""));
        Assert.InRange(_cache.Count, 1, PlanTreeCache.Capacity);
    }

    public void Dispose() => _cache.Dispose();
}
