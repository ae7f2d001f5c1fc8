using Grpc.Core;
using Platform.Names;
using Platform.ServiceDefaults.Api;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The contracts' resource names: one parser each, as strict for a linking service as for the owner.</summary>
public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("plans/dup-2023/objectives/1.2.10", true)]
    [InlineData("plans/dup-2023/objectives/EA2-6.1", true)]
    [InlineData("plans/dup-2023/objectives/1..2", false)]
    [InlineData("plans/Dup/objectives/1", false)]
    [InlineData("plans/dup/objectives/", false)]
    [InlineData("plans/dup/objectives/1/reports/r", false)]
    [InlineData("indicators/dup/objectives/1", false)]
    public void Objective_names(string text, bool valid) => Assert.Equal(valid, ObjectiveName.TryParse(text, out _));

    [Fact]
    public void An_objective_name_gives_its_plan_and_formats_back()
    {
        Assert.True(ObjectiveName.TryParse("plans/dup/objectives/1.2", out var name));
        Assert.Equal(new PlanName("dup"), name.Plan);
        Assert.Equal("plans/dup/objectives/1.2", name.ToString());
    }

    [Theory]
    [InlineData("plans/dup", "dup")]
    [InlineData("plans/dup/objectives/1.2", "dup")]
    [InlineData("plans/dup/versions/v3", "dup")]
    [InlineData("plans/", null)]
    [InlineData("plans/Dup/objectives/1", null)]
    [InlineData("budgets/dup", null)]
    public void The_plan_owning_a_name(string text, string? planId) => Assert.Equal(planId, PlanName.Owning(text)?.PlanId);

    [Fact]
    public void Indicator_names_and_names_under_them()
    {
        Assert.Equal("ind-1", IndicatorName.Owning("indicators/ind-1/periods/2024")?.IndicatorId);
        Assert.Null(IndicatorName.Owning("indicators//periods/2024"));
        Assert.False(IndicatorName.TryParse("indicators/ind-1/periods/2024", out _));
    }

    [Fact]
    public void A_collection_under_a_parent_is_parsed_or_refused_on_its_field()
    {
        Assert.Equal("b-2023", ResourceNames.ParseParentOf<BudgetName>("budgets/b-2023/debtSchedule", "debtSchedule", "name").BudgetId);
        var ex = Assert.Throws<RpcException>(() => ResourceNames.ParseParentOf<BudgetName>("budgets/b-2023/lines", "debtSchedule", "name"));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("budgets/{budget}/debtSchedule", ex.Status.Detail);
    }
}
