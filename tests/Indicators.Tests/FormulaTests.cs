using Platform.Indicators.Formulas;

namespace Indicators.Tests;

public sealed class FormulaTests
{
    private static decimal Eval(string text, params (string Name, decimal Value)[] values) =>
        Formula.Parse(text, values.Select(v => v.Name).ToList()).Evaluate(values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Waste_formula_of_objective_1_2_evaluates_exactly()
    {
        var value = Eval("rd_kg / rsu_kg * 100", ("rd_kg", 25952148m), ("rsu_kg", 35347748m));

        Assert.Equal(73.42m, Math.Round(value, 2, MidpointRounding.AwayFromZero));
        Assert.StartsWith("73.4195", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("24 / 4 / 2", "3")]
    [InlineData("-2 * -3", "6")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("min(4, 2, 9)", "2")]
    [InlineData("max(4, 2, 9)", "9")]
    [InlineData("abs(1 - 5)", "4")]
    [InlineData("round(2.345, 2)", "2.35")]
    [InlineData("round(-2.345, 2)", "-2.35")]
    [InlineData("if(3 > 2, 10, 20)", "10")]
    [InlineData("if(3 <= 2, 10, 20)", "20")]
    [InlineData("if(2 == 2, 1, 0) + if(2 != 2, 1, 0)", "1")]
    public void Arithmetic_functions_and_conditions(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Fact]
    public void Decimal_arithmetic_has_no_binary_rounding_error() =>
        Assert.Equal(0.3m, Eval("a + b", ("a", 0.1m), ("b", 0.2m)));

    [Fact]
    public void Year_on_year_change_with_if_guard()
    {
        const string text = "if(prev == 0, 0, (curr - prev) / prev * 100)";
        Assert.Equal(0m, Eval(text, ("curr", 5m), ("prev", 0m)));
        Assert.Equal(4.589m, Math.Round(Eval(text, ("curr", 79268m), ("prev", 75790m)), 3));
    }

    [Theory]
    [InlineData("rd_kg / ", 9, "ends where")]
    [InlineData("rd_kg / (rsu_kg * 100", 22, "expected ')'")]
    [InlineData("rd_kg $ 2", 7, "unexpected '$'")]
    [InlineData("rd_kg / rsu * 100", 9, "unknown variable 'rsu'")]
    [InlineData("rd_kg / 0", 7, "division by a constant zero")]
    [InlineData("rd_kg / (2 - 2)", 7, "division by a constant zero")]
    [InlineData("sqrt(rd_kg)", 1, "unknown function 'sqrt'")]
    [InlineData("abs(rd_kg, rsu_kg)", 1, "abs() takes 1 argument")]
    [InlineData("round(rd_kg, rsu_kg)", 14, "constant number of places")]
    [InlineData("if(rd_kg, 1, 2)", 9, "expected a comparison")]
    [InlineData("2rd_kg", 2, "unexpected 'r' after the number 2")]
    [InlineData("", 1, "is empty")]
    public void Mistakes_are_reported_with_their_position(string text, int position, string message)
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text, ["rd_kg", "rsu_kg"]));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Division_by_a_variable_that_is_zero_fails_at_evaluation()
    {
        var formula = Formula.Parse("a / b", ["a", "b"]);
        var error = Assert.Throws<FormulaException>(() => formula.Evaluate(new Dictionary<string, decimal> { ["a"] = 1, ["b"] = 0 }));
        Assert.Contains("division by zero", error.Message);
    }

    [Fact]
    public void Used_variables_are_reported()
    {
        var formula = Formula.Parse("max(a, c) * 2", ["a", "b", "c"]);
        Assert.Equal(["a", "c"], formula.Variables.Order());
    }

    [Fact]
    public void Overflow_is_an_error_not_a_crash()
    {
        var formula = Formula.Parse("a * a * a", ["a"]);
        Assert.Throws<FormulaException>(() => formula.Evaluate(new Dictionary<string, decimal> { ["a"] = 1e20m }));
    }
}
