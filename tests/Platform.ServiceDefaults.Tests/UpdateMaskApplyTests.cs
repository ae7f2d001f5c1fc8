using Platform.Indicators.V1;
using Platform.ServiceDefaults.Api;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The one update-mask mechanism every resource uses (issue 10, item 2).</summary>
public sealed class UpdateMaskApplyTests
{
    private static Indicator Current() => new()
    {
        Title = "Raccolta differenziata", Unit = "%", Decimals = 2, Objectives = { "plans/p/objectives/1", "plans/p/objectives/2" },
        StatusBands = new StatusBands { AchievedFrom = "100" },
    };

    [Fact]
    public void Only_the_masked_fields_change()
    {
        var target = Current();

        UpdateMasks.Apply(target, new Indicator { Title = "Nuovo titolo", Unit = "kg" }, ["title"]);

        Assert.Equal("Nuovo titolo", target.Title);
        Assert.Equal("%", target.Unit);
    }

    [Fact]
    public void Lists_are_replaced_whole_and_optional_fields_cleared_when_unset()
    {
        var target = Current();

        UpdateMasks.Apply(target, new Indicator { Objectives = { "plans/p/objectives/3" } }, ["objectives", "decimals", "status_bands"]);

        Assert.Equal(["plans/p/objectives/3"], target.Objectives);
        Assert.False(target.HasDecimals);
        Assert.Null(target.StatusBands);
    }

    [Fact]
    public void A_copied_message_is_not_shared_with_the_source()
    {
        var target = Current();
        var source = new Indicator { StatusBands = new StatusBands { AchievedFrom = "90" } };

        UpdateMasks.Apply(target, source, ["status_bands"]);
        source.StatusBands.AchievedFrom = "10";

        Assert.Equal("90", target.StatusBands.AchievedFrom);
    }
}
