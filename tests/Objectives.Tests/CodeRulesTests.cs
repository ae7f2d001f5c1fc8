using Platform.Objectives.Plans;
using Platform.Objectives.Objectives;
using Platform.Objectives.Reports;

namespace Objectives.Tests;

public sealed class CodeRulesTests
{
    [Fact]
    public void Natural_order_puts_1_10_after_1_9_and_parents_before_children()
    {
        string[] codes = ["10", "1.10", "2", "1.9", "1", "1.2.1", "1.2", "EA2-6.1", "EA10.1", "EA2.1"];

        var sorted = codes.Order(ObjectiveCodes.NaturalOrder).ToList();

        Assert.Equal(["1", "1.2", "1.2.1", "1.9", "1.10", "2", "10", "EA2.1", "EA2-6.1", "EA10.1"], sorted);
    }

    [Fact]
    public void Sort_keys_compare_ordinally_like_the_natural_order_and_are_unique()
    {
        Assert.True(string.CompareOrdinal(ObjectiveCodes.SortKey("1.9"), ObjectiveCodes.SortKey("1.10")) < 0);
        Assert.True(string.CompareOrdinal(ObjectiveCodes.SortKey("1"), ObjectiveCodes.SortKey("1.1")) < 0);
        Assert.True(string.CompareOrdinal(ObjectiveCodes.SortKey("1.1"), ObjectiveCodes.SortKey("2")) < 0);
        Assert.NotEqual(ObjectiveCodes.SortKey("1.01"), ObjectiveCodes.SortKey("1.1"));
    }

    [Theory]
    [InlineData("1.2", "1.2.3", true)]
    [InlineData("1", "1.2", true)]
    [InlineData("EA2", "EA2-6", true)]
    [InlineData("1.2", "1.2", false)]
    [InlineData("1.2", "1.23", false)]
    [InlineData("1.2", "1.3.1", false)]
    [InlineData("4.4", "4.2.4", false)]
    public void Child_code_extends_parent_code_only_with_a_further_segment(string parent, string child, bool extends) =>
        Assert.Equal(extends, ObjectiveCodes.Extends(parent, child));

    [Theory]
    [InlineData("1.2.1", true)]
    [InlineData("EA2-6.1", true)]
    [InlineData("PR001", true)]
    [InlineData("1..2", false)]
    [InlineData("1.2.", false)]
    [InlineData("1/2", false)]
    [InlineData("", false)]
    [InlineData("1 2", false)]
    public void Code_shape(string code, bool valid) => Assert.Equal(valid, ObjectiveName.IsValidCode(code));

    [Fact]
    public void Flatten_lists_maps_and_scalars_for_audit_and_diffs()
    {
        var objective = new Objective
        {
            Title = "Piano verde", Parent = "plans/p/objectives/1", Level = "Obiettivo strategico",
            PoliticalOwners = { "Zanacchi Luca", "Manfredini Barbara" }, SdgGoals = { 11, 15 },
            YearlyActions = { [2023] = "Potature", [2024] = "Nuovi alberi" }, Etag = "W/\"3\"", Depth = 1,
        };

        var fields = ObjectiveFields.Flatten(objective);

        Assert.Equal("Piano verde", fields["title"]);
        Assert.Equal("plans/p/objectives/1", fields["parent"]);
        Assert.Equal("Zanacchi Luca; Manfredini Barbara", fields["political_owners"]);
        Assert.Equal("11; 15", fields["sdg_goals"]);
        Assert.Equal("Potature", fields["yearly_actions.2023"]);
        Assert.Equal("Nuovi alberi", fields["yearly_actions.2024"]);
        Assert.False(fields.ContainsKey("etag"));
        Assert.False(fields.ContainsKey("depth"));
        Assert.False(fields.ContainsKey("manager"));
    }

    [Fact]
    public void Version_diff_reports_added_removed_and_changed_fields()
    {
        Objective O(string code, string title, params string[] owners) =>
            new() { Name = $"plans/p/objectives/{code}", Code = code, Title = title, PoliticalOwners = { owners } };
        var before = new PlanVersion
        {
            Name = "plans/p/versions/v1", Plan = new Plan { Title = "DUP" },
            Objectives = { O("1", "Ambiente", "A"), O("1.1", "Verde", "A"), O("1.2", "Rifiuti", "B") },
        };
        var after = new PlanVersion
        {
            Name = "plans/p/versions/v2", Plan = new Plan { Title = "DUP aggiornato" },
            Objectives = { O("1", "Ambiente", "A"), O("1.1", "Verde urbano", "A", "C"), O("1.10", "Acque", "B") },
        };

        var diff = VersionStore.Diff(before, after);

        Assert.Equal(["plans/p/objectives/1.10"], diff.Added);
        Assert.Equal(["plans/p/objectives/1.2"], diff.Removed);
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("plans/p/objectives/1.1", changed.Objective);
        Assert.Equal([("political_owners", "A", "A; C"), ("title", "Verde", "Verde urbano")],
            changed.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        var plan = Assert.Single(diff.PlanChanges);
        Assert.Equal(("title", "DUP", "DUP aggiornato"), (plan.Field, plan.OldValue, plan.NewValue));
    }
}
