using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Quality;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Quality;

namespace Indicators.Tests.Quality;

/// <summary>Indicators and periods of a plan for the rule tests, without a database.</summary>
public static class TestIndicators
{
    private static readonly DateTime When = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IndicatorRow Row(string id, string polarity = "HigherIsBetter", string formula = "", string variables = "",
        decimal? threshold = null, params string[] objectives) => new()
    {
        TenantId = "t", IndicatorId = id, Title = "Indicatore " + id, Unit = "%", Description = "", Version = 1,
        CreatedAt = When, CreatedBy = "u", UpdatedAt = When, UpdatedBy = "u", Polarity = polarity, Formula = formula,
        Variables = variables, ThresholdComparison = threshold is null ? "" : "GreaterThan", ThresholdValue = threshold,
        Objectives = objectives.Length == 0 ? ["plans/p/objectives/1.1"] : objectives,
    };

    public static PeriodRow Period(string id, int year, decimal? target = null, decimal? actual = null,
        string variables = "{}", string note = "") => new()
    {
        TenantId = "t", IndicatorId = id, PeriodKey = year.ToString(), Year = year, SortKey = year * 100,
        Target = target, Actual = actual, Variables = variables, Note = note, Version = 1,
        CreatedAt = When, CreatedBy = "u", UpdatedAt = When, UpdatedBy = "u",
    };

    public static IndicatorData Data(IndicatorRow row, params PeriodRow[] periods) =>
        new(row, new Platform.Indicators.V1.Indicator { Title = row.Title, Description = row.Description }, periods);

    /// <summary>A plan 2023-2025 with objectives 1 and 1.1.</summary>
    public static PlanIndicators Plan(params IndicatorData[] indicators) => new(new PlanTree
    {
        Plan = new Platform.Objectives.V1.Plan { Name = "plans/p", StartYear = 2023, EndYear = 2025 },
        Roots =
        {
            new PlanTreeNode
            {
                Objective = new Objective { Name = "plans/p/objectives/1", Code = "1" },
                Children = { new PlanTreeNode { Objective = new Objective { Name = "plans/p/objectives/1.1", Code = "1.1" } } },
            },
        },
    }, indicators);

    public static List<(string Resource, string Field)> Run(QualityRule<PlanIndicators> rule, PlanIndicators plan) =>
        rule.Check(plan).Select(h => (h.Resource, h.Field)).ToList();
}
