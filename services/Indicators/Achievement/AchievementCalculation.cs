namespace Platform.Indicators.Achievement;

/// <summary>
/// An achievement with how it came out: the expression of the rule's case that applied, or (no achievement) why
/// the target cannot be used (<c>null</c> when there is none).
/// </summary>
public sealed record AchievementCalculation(decimal? Achievement, AchievementExpression? Expression, string? TargetProblem)
{
    public static AchievementCalculation Missing(string? targetProblem) => new(null, null, targetProblem);
}

/// <summary>
/// One case of an achievement rule with its numbers: a template in the formula language's notation over
/// <c>{0}</c> = actual, <c>{1}</c> = target, <c>{2}</c> = target_high or baseline. A condition's result is
/// the rule's value when it holds (<c>{0} &lt;= {1}</c> gives 100); any other template evaluates to it.
/// </summary>
public sealed record AchievementExpression(string Template, bool IsCondition, decimal Actual, decimal? Target, decimal? Other)
{
    /// <summary>The API's notation: <c>min(100, 0.50 / 12.00 * 100)</c>.</summary>
    public string Render(Func<decimal, string> number) => Fill(Template, number);

    /// <summary>Italian notation: <c>min(100; 0,50 / 12,00 × 100)</c> (';' between arguments, as decimals use ',').</summary>
    public string RenderItalian(Func<decimal, string> number) => Fill(
        Template.Replace(", ", "; ").Replace(" * ", " × ").Replace(" <= ", " ≤ ").Replace(" >= ", " ≥ "), number);

    private string Fill(string template, Func<decimal, string> number) => template
        .Replace("{0}", number(Actual))
        .Replace("{1}", Target is { } t ? number(t) : "")
        .Replace("{2}", Other is { } o ? number(o) : "");
}
