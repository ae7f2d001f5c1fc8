using System.Text.RegularExpressions;
using Platform.Indicators.Achievement;
using Platform.Indicators.Definitions;
using Platform.ServiceDefaults.Quality;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Periods;

/// <summary>
/// How a period's achievement and status came out, for readers who redo the sum by hand. Written from what
/// <see cref="PeriodViews.Values"/> and <see cref="AchievementRules.Calculate"/> did (the case of the rule they
/// took, the sub-periods they aggregated), never by applying the rules a second time.
/// </summary>
public static partial class PeriodExplanations
{
    public static AchievementExplanation Explain(IndicatorRow indicator, PeriodRow row, PeriodValues values)
    {
        var settings = indicator.Settings;
        var method = IndicatorDefaults.Of(settings.Method);
        var polarity = IndicatorDefaults.Of(settings.Polarity);
        var numbers = new Numbers(indicator.Decimals);
        var explanation = new AchievementExplanation
        {
            AchievementMethod = method,
            Polarity = polarity,
            AchievementDecimals = AchievementRules.Places,
            ActualDecimals = indicator.Decimals,
            StatusBands = new StatusBands
            {
                AchievedFrom = Values.Format(settings.AchievedFrom, 0),
                PartiallyAchievedFrom = Values.Format(settings.PartiallyAchievedFrom, 0),
            },
            RuleIt = RuleTexts.Italian(polarity, method),
            RuleEn = RuleTexts.English(polarity, method),
        };

        if (values.AggregatedFrom is { } aggregated)
        {
            foreach (var part in aggregated.Parts)
                explanation.Inputs.Add(Input(ExplanationInput.Types.Source.SubPeriodActual, part.PeriodKey, numbers.Api(part.Actual!.Value), $"Valore {part.PeriodKey}"));
            explanation.Steps.Add(AggregationStep(aggregated, numbers));
        }
        else if (row.ActualComputed && row.Actual is { } computed && indicator.Formula.Length > 0)
        {
            explanation.Formula = indicator.Formula;
            var variables = row.VariableValues;
            foreach (var (name, value) in variables)
                explanation.Inputs.Add(Input(ExplanationInput.Types.Source.Variable, name, value, $"Variabile {name}"));
            explanation.Steps.Add(FormulaStep(indicator, variables, computed, numbers));
        }

        if (values.Target is { } target)
            explanation.Inputs.Add(Input(ExplanationInput.Types.Source.Target, "target", numbers.Api(target), "Target"));
        if (polarity == Polarity.TargetRange && values.TargetHigh is { } high)
            explanation.Inputs.Add(Input(ExplanationInput.Types.Source.TargetHigh, "target_high", numbers.Api(high), "Target massimo"));
        if (method == AchievementMethod.LinearFromBaseline && settings.Baseline is { } baseline)
            explanation.Inputs.Add(Input(ExplanationInput.Types.Source.Baseline, "baseline_value", numbers.Api(baseline),
                indicator.BaselineYear > 0 ? $"Valore di partenza ({indicator.BaselineYear})" : "Valore di partenza"));
        if (values.Actual is { } actual)
            explanation.Inputs.Add(Input(ExplanationInput.Types.Source.Actual, "actual", numbers.Api(actual), "Valore rilevato"));

        if (values.Result.Calculation is { } calculation) explanation.Steps.Add(AchievementStep(calculation, numbers));
        explanation.Steps.Add(StatusStep(values.Result, settings));
        return explanation;
    }

    private static ExplanationInput Input(ExplanationInput.Types.Source source, string name, string value, string label) =>
        new() { Source = source, Name = name, Value = value, LabelIt = label };

    private static ExplanationStep AggregationStep(AggregatedActual aggregated, Numbers numbers)
    {
        var values = aggregated.Parts.Select(p => p.Actual!.Value).ToList();
        var which = aggregated.Parts[0].Key.Part == 'Q' ? "trimestri" : "semestri";
        var (expression, italian, words, english) = aggregated.How switch
        {
            Aggregation.Sum => (string.Join(" + ", values.Select(numbers.Api)), string.Join(" + ", values.Select(numbers.Italian)),
                $"somma dei {which}", "sum of the parts"),
            Aggregation.Average => ($"round(({string.Join(" + ", values.Select(numbers.Api))}) / {values.Count}, {numbers.Decimals})",
                $"({string.Join(" + ", values.Select(numbers.Italian))}) / {values.Count}",
                $"media dei {which}, arrotondata a {numbers.Decimals} decimali", "average of the parts"),
            _ => (aggregated.Parts[^1].PeriodKey, aggregated.Parts[^1].PeriodKey, $"ultimo dei {which} rilevati", "last measured part"),
        };
        return new ExplanationStep
        {
            Kind = ExplanationStep.Types.Kind.ActualAggregated,
            Expression = expression,
            Result = numbers.Api(aggregated.Value),
            TextIt = $"Valore rilevato dell'anno ({words}): {italian} = {numbers.Italian(aggregated.Value)}",
            TextEn = $"Actual of the year ({english}): {expression} = {numbers.Api(aggregated.Value)}",
        };
    }

    private static ExplanationStep FormulaStep(IndicatorRow indicator, IReadOnlyDictionary<string, string> variables, decimal actual, Numbers numbers)
    {
        string Substitute(string formula, Func<decimal, string> format) => VariableName().Replace(formula, m =>
            variables.TryGetValue(m.Value, out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out var value) ? format(value) : m.Value);
        var expression = $"round({Substitute(indicator.Formula, v => Values.Format(v, 0))}, {numbers.Decimals})";
        // Italian: ';' between arguments (the decimals take ','), '×' for '*'.
        var italianFormula = Substitute(indicator.Formula.Replace(",", ";").Replace("*", "×"), v => ItalianFormat.Number(v, 0));
        return new ExplanationStep
        {
            Kind = ExplanationStep.Types.Kind.ActualFromFormula,
            Expression = expression,
            Result = numbers.Api(actual),
            TextIt = $"Valore rilevato = {italianFormula}, arrotondato a {numbers.Decimals} decimali = {numbers.Italian(actual)}",
            TextEn = $"Actual = {expression} = {numbers.Api(actual)}",
        };
    }

    private static ExplanationStep AchievementStep(AchievementCalculation calculation, Numbers numbers)
    {
        if (calculation is not { Achievement: { } achievement, Expression: { } expression })
            return new ExplanationStep
            {
                Kind = ExplanationStep.Types.Kind.Achievement,
                TextIt = calculation.TargetProblem is null
                    ? "Il periodo non ha un target: il raggiungimento non si calcola."
                    : "Il target del periodo non si può usare con la regola dell'indicatore: il raggiungimento non si calcola.",
                TextEn = calculation.TargetProblem is null
                    ? "The period has no target: achievement is not computed."
                    : $"The period's target {calculation.TargetProblem}: achievement is not computed.",
            };
        var api = expression.Render(numbers.Api);
        var result = Decimals.Format(achievement, AchievementRules.Places);
        var italianResult = $"{ItalianFormat.Number(achievement, AchievementRules.Places)} %";
        var italian = expression.RenderItalian(numbers.Italian);
        return new ExplanationStep
        {
            Kind = ExplanationStep.Types.Kind.Achievement,
            Expression = api,
            Result = result,
            TextIt = expression.IsCondition ? $"{italian}, quindi {italianResult}" : $"{italian} = {italianResult}",
            TextEn = expression.IsCondition ? $"{api}, so {result}%" : $"{api} = {result}%",
        };
    }

    private static ExplanationStep StatusStep(AchievementResult result, AchievementSettings settings)
    {
        var step = new ExplanationStep { Kind = ExplanationStep.Types.Kind.Status, Status = result.Status };
        var label = StatusLabel(result.Status);
        if (result.Achievement is not { } achievement)
        {
            step.TextIt = result.Status == Status.NotMeasured ? $"Nessun valore rilevato (non è zero): {label}." : $"{label}.";
            step.TextEn = result.Status == Status.NotMeasured ? "No actual (not zero): not measured." : "No target.";
            return step;
        }
        var a = Decimals.Format(achievement, AchievementRules.Places);
        var full = Values.Format(settings.AchievedFrom, 0);
        var partial = Values.Format(settings.PartiallyAchievedFrom, 0);
        step.Expression = result.Status switch
        {
            Status.Achieved => $"{a} >= {full}",
            Status.PartiallyAchieved => $"{partial} <= {a} < {full}",
            _ => $"{a} < {partial}",
        };
        var it = ItalianFormat.Number(achievement, AchievementRules.Places);
        var fullIt = ItalianFormat.Number(settings.AchievedFrom, 0);
        var partialIt = ItalianFormat.Number(settings.PartiallyAchievedFrom, 0);
        step.TextIt = result.Status switch
        {
            Status.Achieved => $"{it} % ≥ {fullIt} %: {label}.",
            Status.PartiallyAchieved => $"{partialIt} % ≤ {it} % < {fullIt} %: {label}.",
            _ => $"{it} % < {partialIt} %: {label}.",
        };
        step.TextEn = $"{step.Expression}: {result.Status}.";
        return step;
    }

    /// <summary>The statuses as the web pages name them.</summary>
    private static string StatusLabel(Status status) => status switch
    {
        Status.Achieved => "Raggiunto",
        Status.PartiallyAchieved => "Parzialmente raggiunto",
        Status.NotAchieved => "Non raggiunto",
        Status.NoTarget => "Senza target",
        _ => "Non misurato",
    };

    /// <summary>A formula's variable: a name not followed by '(' (that would be a function).</summary>
    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b(?!\s*\()")]
    private static partial Regex VariableName();

    /// <summary>The indicator's values at its decimals, in the API's and in Italian notation.</summary>
    private sealed record Numbers(int Decimals)
    {
        public string Api(decimal value) => Values.Format(value, Decimals);
        public string Italian(decimal value) => ItalianFormat.Number(value, Decimals);
    }
}
