using Platform.Finance.Balances;
using Platform.Finance.Debt;
using Platform.Finance.Investments;

namespace Finance.Tests;

public sealed class CalculationTests
{
    [Theory]
    [InlineData("D18I21000100005", new string[0])]
    [InlineData("D18E1800080006", new[] { "CUP_LENGTH" })]
    [InlineData("d18i21000100005", new[] { "CUP_FORMAT" })]
    [InlineData("118I2100010000-", new[] { "CUP_FORMAT" })]
    [InlineData("D18I210001000050", new[] { "CUP_LENGTH" })]
    public void Cup_problems(string cup, string[] problems) => Assert.Equal(problems, PnrrCodes.CupProblems(cup));

    [Theory]
    [InlineData("M4-C1-I3.3", true, "M4-C1-I3.3")]
    [InlineData("M4C1-I3.3", true, "M4-C1-I3.3")]
    [InlineData("M5-C2-I2.3.1", true, "M5-C2-I2.3.1")]
    [InlineData("MSC2-INV. 2.3", false, "")]
    [InlineData("M9-C1-I1.1", false, "")]
    [InlineData("", false, "")]
    public void Pnrr_measure_parsing(string text, bool ok, string canonical)
    {
        Assert.Equal(ok, PnrrCodes.TryParseMeasure(text, out var measure));
        if (ok) Assert.Equal(canonical, measure.Canonical);
    }

    [Fact]
    public void Debt_roll_forward_rounds_per_inhabitant_half_up_and_reports_each_kind_of_mismatch()
    {
        var years = new[]
        {
            new DebtYearRow(2021, 100.00m, 0, 10.00m, 0, 0, 90.00m, 3),   // 90 / 3 = 30.00
            new DebtYearRow(2022, 90.00m, 5.00m, 10.00m, 0, 0, 86.00m, 8), // closes at 85.00, printed 86.00; 85/8 = 10.625 -> 10.63
            new DebtYearRow(2023, 80.00m, 0, 0, 0, -1.00m, null, 0),       // opens at 80.00, not 85.00
        };
        var schedule = DebtCalculator.Compute("budgets/x/debtSchedule", years,
            new Dictionary<int, (Stage, decimal)> { [2021] = (Stage.Rendiconto, 10.00m), [2022] = (Stage.Previsione, 12.00m) });

        Assert.Equal(["90.00", "85.00", "79.00"], schedule.Years.Select(y => y.ClosingDebt));
        Assert.Equal(["30.00", "10.63", ""], schedule.Years.Select(y => y.DebtPerInhabitant));
        Assert.Equal([(2022, "CLOSING_MISMATCH"), (2022, "REPAYMENT_MISMATCH"), (2023, "OPENING_MISMATCH")],
            schedule.Issues.Select(i => (i.Year, i.Kind)));
    }

    [Fact]
    public void Capital_balance_names_the_failing_rule_and_the_amount()
    {
        var inputs = new BalanceInputs(
            new Dictionary<int, decimal> { [4] = 1000.00m },
            new Dictionary<int, decimal> { [2] = 900.00m },
            new Dictionary<BalanceItem, decimal> { [BalanceItem.CurrentToCapital] = 50.00m, [BalanceItem.CapitalToCurrent] = 100.00m });

        var capital = BalanceCalculator.Capital(inputs);

        Assert.False(capital.Balanced);
        Assert.Equal("50.00", capital.Equilibrium);
        Assert.Equal("-100.00", capital.Rows.Single(r => r.Key == "capital_to_current").Amount);
        Assert.Equal("950.00", capital.Rows.Single(r => r.Key == "total_capital_resources").Amount);
        Assert.Contains("EQUILIBRIO DI PARTE CAPITALE", capital.Failure);
        Assert.Contains("exceed spending by 50.00", capital.Failure);
        Assert.Equal("-50.00", BalanceCalculator.Current(inputs).Rows.Single(r => r.Key == "current_to_capital").Amount);
    }
}
