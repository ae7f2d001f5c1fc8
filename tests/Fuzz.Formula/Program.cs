using Platform.Indicators.Formulas;
using SharpFuzz;

// One AFL input per run: parse it as a formula and evaluate it. A FormulaException is the parser's answer to
// bad input; any other exception (or a hang, or a crash) is a finding that AFL keeps in its crashes folder.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var reader = new StreamReader(stream);
    var text = reader.ReadToEnd();
    try
    {
        var formula = Formula.Parse(text);
        formula.Evaluate(formula.Variables.ToDictionary(v => v, _ => 1.5m));
    }
    catch (FormulaException)
    {
    }
});
