using Platform.Finance.Debt;
using Platform.Finance.Quality;
using Platform.ServiceDefaults.Quality;

namespace Finance.Tests.Quality;

/// <summary>Each budget and investment rule with data that has the mistake and data that does not.</summary>
public sealed class FinanceRuleTests
{
    private const string Budget = "budgets/b";

    private static List<(string Resource, string Field)> Run<T>(QualityRule<T> rule, T input) =>
        rule.Check(input).Select(h => (h.Resource, h.Field)).ToList();

    private static BalanceTable Table(string part, string equilibrium) =>
        new() { Part = part, Equilibrium = equilibrium, Balanced = equilibrium == "0.00" };

    private static BudgetData Balances(string current, string capital) =>
        new(Budget, [new StageBalances(2023, Stage.Previsione, Table("corrente", current), Table("capitale", capital))], [], new DebtSchedule());

    /// <summary>A debt schedule rolled forward by the service's own calculator, with titolo 4 spending per year.</summary>
    private static BudgetData Debt(IReadOnlyList<DebtYearRow> years, params (int Year, decimal Amount)[] repayments) =>
        new(Budget, [], years, DebtCalculator.Compute(Budget + "/debtSchedule", years,
            repayments.ToDictionary(r => r.Year, r => (Stage.Previsione, r.Amount))));

    private static DebtYearRow Year(int year, decimal opening, decimal repayments, decimal? declared = null, long inhabitants = 71766) =>
        new(year, opening, 0m, repayments, 0m, 0m, declared ?? opening - repayments, inhabitants);

    [Fact]
    public void A_capital_balance_off_zero_is_found() =>
        Assert.Equal([(Budget, "balances[2023/PREVISIONE].capitale")], Run(new BalanceNotZero(), Balances("0.00", "-1250.00")));

    [Fact]
    public void Balances_at_zero_pass() => Assert.Empty(Run(new BalanceNotZero(), Balances("0.00", "0.00")));

    [Fact]
    public void A_schedule_that_does_not_roll_forward_is_found_on_the_closing_and_the_next_opening()
    {
        var data = Debt([Year(2023, 1000m, 100m, declared: 950m), Year(2024, 900m, 100m)]);

        Assert.Equal([(Budget + "/debtSchedule", "years[2023].closing_debt")], Run(new DebtRollForward(), data));
        Assert.Equal([(Budget + "/debtSchedule", "years[2024].opening_debt")],
            Run(new DebtRollForward(), Debt([Year(2023, 1000m, 100m), Year(2024, 950m, 100m)])));
    }

    [Fact]
    public void A_schedule_that_rolls_forward_passes() =>
        Assert.Empty(Run(new DebtRollForward(), Debt([Year(2023, 1000m, 100m), Year(2024, 900m, 100m)])));

    [Fact]
    public void Repayments_that_differ_from_titolo_4_are_found()
    {
        // The DUP: 1,300,000 in the 2024 schedule, 1,100,000 in the balance.
        var data = Debt([Year(2024, 25000000m, 1300000m), Year(2025, 23700000m, 1106000m)], (2024, 1100000m), (2025, 1106000m));

        Assert.Equal([(Budget + "/debtSchedule", "years[2024].repayments")], Run(new DebtRepaymentMismatch(), data));
    }

    [Fact]
    public void Repayments_equal_to_titolo_4_pass() =>
        Assert.Empty(Run(new DebtRepaymentMismatch(), Debt([Year(2024, 25000000m, 1100000m)], (2024, 1100000m))));

    [Fact]
    public void The_same_population_year_after_year_is_stale()
    {
        var data = Debt([Year(2021, 1000m, 100m), Year(2022, 900m, 100m), Year(2023, 800m, 100m, inhabitants: 71500)]);

        Assert.Equal([(Budget + "/debtSchedule", "years[2022].inhabitants")], Run(new StalePopulation(), data));
    }

    [Fact]
    public void A_population_updated_every_year_passes() =>
        Assert.Empty(Run(new StalePopulation(), Debt([Year(2021, 1000m, 100m, inhabitants: 71398), Year(2022, 900m, 100m, inhabitants: 71794)])));

    private static Investment Project(string id, string cup = "D14J22000400001", string measure = "M2-C4-I2.2", string cost = "100.00",
        string contribution = "100.00", string title = "Riqualificazione energetica della palestra comunale") => new()
    {
        Name = "investments/" + id, Cup = cup, PnrrMeasure = measure, TotalCost = cost, TotalPnrrContribution = contribution,
        TotalCofinancing = "0.00", Title = title, PnrrComponent = measure.Length == 0 ? "" : measure[..2] + measure[3..5],
    };

    private static InvestmentData Of(params Investment[] investments) => new(investments);

    [Fact]
    public void A_cup_of_14_characters_is_malformed() =>
        Assert.Equal([("investments/a", "cup")], Run(new CupMalformed(), Of(Project("a", cup: "D18E1800080006"), Project("b"))));

    [Fact]
    public void A_cup_of_15_characters_and_no_cup_pass() =>
        Assert.Empty(Run(new CupMalformed(), Of(Project("a"), Project("b", cup: ""))));

    [Fact]
    public void A_malformed_measure_a_missing_one_and_a_title_citing_MSC2_are_found()
    {
        var data = Of(Project("a", measure: "M9-C2-I2.3"), Project("b", measure: ""),
            Project("c", measure: "M5-C2-I2.3", title: "PNRR MSC2-INV. 2.3 - BANDO MIT QUALITÀ DELL'ABITARE"));

        Assert.Equal([("investments/a", "pnrr_measure"), ("investments/b", "pnrr_measure"), ("investments/c", "title")],
            Run(new MeasureMalformed(), data));
    }

    [Fact]
    public void Valid_measures_and_titles_citing_them_pass() =>
        Assert.Empty(Run(new MeasureMalformed(), Of(Project("a", measure: "M5-C2-I2.3", title: "PNRR M5C2-INV. 2.3 - Bando"),
            Project("b", measure: "", contribution: "0.00"))));

    [Fact]
    public void Both_sides_of_a_swap_are_found()
    {
        // Cavatigozzi: cost 70,050, contribution 99,950; Cambonino: cost 99,950, contribution 70,050.
        var data = Of(Project("cavatigozzi", cost: "70050.00", contribution: "99950.00"),
            Project("cambonino", cup: "D14J22000410001", cost: "99950.00", contribution: "70050.00"), Project("other"));

        Assert.Equal([("investments/cavatigozzi", "total_pnrr_contribution"), ("investments/cambonino", "total_cost")],
            Run(new ContributionAboveCost(), data));
    }

    [Fact]
    public void Contributions_within_the_cost_pass() =>
        Assert.Empty(Run(new ContributionAboveCost(), Of(Project("a", cost: "100.00", contribution: "70.00"), Project("b", cost: "70.00", contribution: "70.00"))));

    [Fact]
    public void The_same_cup_with_two_costs_is_found_on_both()
    {
        var data = Of(Project("financing", cup: "D15F22000440006", cost: "338100.00"), Project("regis", cup: "D15F22000440006", cost: "327513.80"));

        Assert.Equal([("investments/financing", "total_cost"), ("investments/regis", "total_cost")], Run(new CostDiffersBetweenLists(), data));
    }

    [Fact]
    public void Another_list_printing_another_cost_is_found_on_that_listing()
    {
        var financing = Project("financing", cost: "338100.00");
        financing.Listings.Add(new InvestmentListing { List = "ICT", TotalCost = "338100.00" });
        financing.Listings.Add(new InvestmentListing { List = "Regis", TotalCost = "327513.80" });

        Assert.Equal([("investments/financing", "listings[1].total_cost")], Run(new CostDiffersBetweenLists(), Of(financing)));
    }

    [Fact]
    public void Lists_printing_the_same_cost_pass()
    {
        var financing = Project("financing", cost: "338100.00");
        financing.Listings.Add(new InvestmentListing { List = "Regis", TotalCost = "338100" });

        Assert.Empty(Run(new CostDiffersBetweenLists(), Of(financing)));
    }

    [Fact]
    public void The_same_cup_with_one_cost_and_projects_without_cup_pass() =>
        Assert.Empty(Run(new CostDiffersBetweenLists(), Of(Project("a"), Project("b"), Project("c", cup: "", cost: "5.00"), Project("d", cup: "", cost: "6.00"))));

    [Fact]
    public void A_title_cut_short_is_found() =>
        Assert.Equal([("investments/a", "title")], Run(new InvestmentTitleCutShort(), Of(Project("a", title: "INTERVENTI DI ADEGUAMENTO SISMICO SCUOLA PRIMARIA DELLA"))));

    [Fact]
    public void A_whole_title_passes() => Assert.Empty(Run(new InvestmentTitleCutShort(), Of(Project("a"))));
}
