using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.ServiceDefaults.Imports;

namespace Platform.Indicators.Imports;

/// <summary>
/// The indicators file (kind <c>indicators</c>): one row per indicator period, in the plan given as parent.
/// The first row of an indicator creates it with CreateIndicator's rules; its later rows repeat the same
/// definition or leave it empty; each row's period is written with UpdatePeriod's rules (a row without a
/// period only defines the indicator). The plan's objectives are read once, before the transaction.
/// </summary>
public static class IndicatorImportKind
{
    public const string Name = "indicators";

    public static ImportKind<IndicatorLine> For(string planId, IReadOnlySet<string> planObjectives, RequestIdentity who,
        IndicatorStore indicators, PeriodStore periods)
    {
        var firstRows = new Dictionary<string, IndicatorLine>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        return new(Name, IndicatorColumns.Schema, ["indicator", "period"],
            Read: row => IndicatorLine.Read(row, planId),
            Write: async (connection, transaction, line, ct) =>
            {
                if (firstRows.TryGetValue(line.IndicatorId, out var first))
                {
                    if (refused.Contains(line.IndicatorId))
                        throw ApiErrors.InvalidArgument("indicator_id",
                            $"l'indicatore non è stato creato: correggi la sua prima riga ({first.RowNumber})");
                    CheckRepeated(line, first);
                }
                else
                {
                    firstRows[line.IndicatorId] = line;
                    refused.Add(line.IndicatorId);
                    var definition = IndicatorValidation.ValidateCreate(new CreateIndicatorRequest { IndicatorId = line.IndicatorId, Indicator = line.Definition });
                    var validator = new RequestValidator();
                    ObjectiveLinks.Check(definition.Objectives, planObjectives, validator);
                    validator.ThrowIfInvalid();
                    await indicators.CreateAsync(connection, transaction, who, line.IndicatorId, definition, ct);
                    refused.Remove(line.IndicatorId);
                }
                if (line.Period is { } key)
                {
                    line.Values.Name = PeriodKey.FormatName(line.IndicatorId, key.ToString());
                    await periods.UpdateAsync(connection, transaction, who, line.IndicatorId, key, line.Values, line.PeriodFields,
                        allowMissing: true, ct);
                }
            },
            ColumnOfField: ColumnOf);
    }

    /// <summary>A later row of an indicator may leave its definition empty or repeat it, not change it.</summary>
    private static void CheckRepeated(IndicatorLine line, IndicatorLine first)
    {
        var validator = new RequestValidator();
        foreach (var (column, value) in line.DefinitionCells)
            validator.Check(first.DefinitionCells.TryGetValue(column, out var earlier) && Equals(earlier, value), $"indicator.{column}",
                $"è diverso dalla prima riga dell'indicatore ({first.RowNumber}): ripeti lo stesso valore o lascia la cella vuota");
        validator.ThrowIfInvalid();
    }

    /// <summary>The column a violation names: <c>indicator.objectives[1]</c> is <c>objectives</c>, <c>period.variables["x"]</c> is <c>variable_values</c>.</summary>
    private static string? ColumnOf(string field)
    {
        var bracket = field.IndexOf('[');
        var name = bracket >= 0 ? field[..bracket] : field;
        return name switch
        {
            "indicator_id" or "indicator" => "indicator",
            "indicator.threshold.comparison" => "threshold_comparison",
            "indicator.threshold.value" => "threshold",
            "indicator.status_bands.achieved_from" => "achieved_from",
            "indicator.status_bands.partially_achieved_from" => "partially_achieved_from",
            "period.name" => "period",
            "period.variables" => "variable_values",
            _ when name.StartsWith("indicator.", StringComparison.Ordinal) => Known(name["indicator.".Length..]),
            _ when name.StartsWith("period.", StringComparison.Ordinal) => Known(name["period.".Length..]),
            _ => null,
        };
    }

    private static string? Known(string column) => IndicatorColumns.Schema.Columns.Any(c => c.Name == column) ? column : null;
}
