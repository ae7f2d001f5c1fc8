using System.Globalization;
using Platform.Indicators.Periods;
using Platform.Spreadsheets.Import;

namespace Platform.Indicators.Imports;

/// <summary>
/// One row of the indicators file as the API takes it: the indicator's definition (the cells given), and the
/// period it writes, with the fields to set.
/// </summary>
public sealed record IndicatorLine(
    int RowNumber,
    string IndicatorId,
    Indicator Definition,
    IReadOnlyDictionary<string, object> DefinitionCells,
    PeriodKey? Period,
    Period Values,
    IReadOnlySet<string> PeriodFields)
{
    /// <summary>Reads a row; labels, lists and period keys it cannot read are violations on their columns.</summary>
    public static IndicatorLine Read(ImportRow row, string planId)
    {
        var validator = new RequestValidator();
        var indicator = new Indicator
        {
            Title = row.Text("title") ?? "",
            Description = row.Text("description") ?? "",
            Unit = row.Text("unit") ?? "",
            Kind = IndicatorColumns.Kinds.Read(row.Text("kind"), "indicator.kind", validator),
            Polarity = IndicatorColumns.Polarities.Read(row.Text("polarity"), "indicator.polarity", validator),
            Formula = row.Text("formula") ?? "",
            Variables = { List(row.Text("variables")) },
            BaselineValue = Number(row.Decimal("baseline_value")),
            BaselineYear = (int)Math.Clamp(row.Integer("baseline_year") ?? 0, int.MinValue, int.MaxValue),
            AchievementMethod = IndicatorColumns.Methods.Read(row.Text("achievement_method"), "indicator.achievement_method", validator),
            Weight = Number(row.Decimal("weight")),
            Aggregation = IndicatorColumns.Aggregations.Read(row.Text("aggregation"), "indicator.aggregation", validator),
            Notes = row.Text("notes") ?? "",
            DataSource = row.Text("data_source") ?? "",
            Owner = row.Text("owner") ?? "",
            Objectives = { List(row.Text("objectives")).Select(code => ObjectiveName.Format(planId, code)) },
        };
        // An indicator of the plan's document that measures none of its objectives (a deficit parameter) belongs to the plan.
        if (indicator.Objectives.Count == 0) indicator.Plans.Add(PlanName.Format(planId));
        if (row.Integer("decimals") is { } decimals) indicator.Decimals = (int)Math.Clamp(decimals, -1, 99);
        if (row.Decimal("achieved_from") is not null || row.Decimal("partially_achieved_from") is not null)
            indicator.StatusBands = new StatusBands
            {
                AchievedFrom = Number(row.Decimal("achieved_from")),
                PartiallyAchievedFrom = Number(row.Decimal("partially_achieved_from")),
            };
        if (row.Text("threshold_comparison") is not null || row.Decimal("threshold") is not null)
            indicator.Threshold = new Threshold
            {
                Comparison = IndicatorColumns.Comparisons.Read(row.Text("threshold_comparison"), "indicator.threshold.comparison", validator),
                Value = Number(row.Decimal("threshold")),
            };

        PeriodKey? key = null;
        if (row.Text("period") is { } period)
        {
            if (PeriodKey.TryParse(period, out var parsed)) key = parsed;
            else validator.Add("period.name", $"'{period}' non è un periodo: scrivi un anno (2023), un semestre (2023-H1 o 2023-S1) o un trimestre (2023-Q1 ... 2023-Q4)");
        }

        var values = new Period
        {
            Target = Number(row.Decimal("target")),
            TargetHigh = Number(row.Decimal("target_high")),
            Actual = Number(row.Decimal("actual")),
            Note = row.Text("note") ?? "",
            EvidenceUri = row.Text("evidence_uri") ?? "",
            PrintedAchievement = Number(row.Decimal("printed_achievement")),
        };
        switch (IndicatorColumns.Flags.Read(row.Text("printed_breach"), "period.printed_breach", validator))
        {
            case IndicatorColumns.Flag.Yes: values.PrintedBreach = true; break;
            case IndicatorColumns.Flag.No: values.PrintedBreach = false; break;
        }
        foreach (var pair in List(row.Text("variable_values")))
        {
            var equals = pair.IndexOf('=');
            if (validator.Check(equals > 0, "period.variables", $"'{pair}' deve essere nome=valore, ad esempio rd_kg=25952148"))
                values.Variables[pair[..equals].Trim()] = pair[(equals + 1)..].Trim().Replace(',', '.');
        }
        validator.ThrowIfInvalid();

        var given = IndicatorColumns.Definition.Where(c => row[c] is not null).ToDictionary(c => c, c => row[c]!);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (column, field) in PeriodColumns)
            if (row[column] is not null) fields.Add(field);
        return new IndicatorLine(row.RowNumber, row.Text("indicator") ?? "", indicator, given, key, values, fields);
    }

    /// <summary>The period columns and the UpdatePeriod fields they set.</summary>
    public static readonly IReadOnlyList<(string Column, string Field)> PeriodColumns =
    [
        ("target", "target"), ("target_high", "target_high"), ("actual", "actual"), ("variable_values", "variables"),
        ("note", "note"), ("evidence_uri", "evidence_uri"), ("printed_achievement", "printed_achievement"),
        ("printed_breach", "printed_breach"),
    ];

    /// <summary>Items of a list cell, separated by ';' or line breaks.</summary>
    public static IEnumerable<string> List(string? text) =>
        (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A cell's number as the API's decimal text, without trailing zeros (the API checks the places).</summary>
    private static string Number(decimal? value) => value is null ? "" : Decimals.FormatAtLeast(value.Value, 0);
}
