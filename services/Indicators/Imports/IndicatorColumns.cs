using Platform.Spreadsheets.Schema;
using static Platform.Indicators.V1.Indicator.Types;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Indicators.Imports;

/// <summary>
/// The columns of the indicators file (kind <c>indicators</c>), one row per indicator period, and the Italian
/// words for the indicator's enums. Definition columns come first, then the period's.
/// </summary>
public static class IndicatorColumns
{
    public static readonly TableSchema Schema = new(
        RequiredColumn("indicator", ColumnKind.Code, "Indicatore", "Indicator", "Codice indicatore", "Id indicatore"),
        OptionalColumn("objectives", ColumnKind.Text, "Obiettivi", "Objectives", "Obiettivo", "Codice obiettivo", "Obiettivo strategico"),
        OptionalColumn("title", ColumnKind.Text, "Titolo", "Title", "Nome indicatore", "Denominazione"),
        OptionalColumn("description", ColumnKind.Text, "Descrizione", "Description", "Modalità di calcolo"),
        OptionalColumn("unit", ColumnKind.Text, "Unità di misura", "Unit", "Unità"),
        OptionalColumn("kind", ColumnKind.Text, "Tipo", "Kind", "Tipologia"),
        OptionalColumn("polarity", ColumnKind.Text, "Polarità", "Polarity", "Andamento atteso"),
        OptionalColumn("formula", ColumnKind.Text, "Formula", "Formula"),
        OptionalColumn("variables", ColumnKind.Text, "Variabili", "Variables"),
        OptionalColumn("baseline_value", ColumnKind.Decimal, "Valore di partenza", "Baseline"),
        OptionalColumn("baseline_year", ColumnKind.Integer, "Anno di partenza", "Baseline year"),
        OptionalColumn("achievement_method", ColumnKind.Text, "Metodo di raggiungimento", "Achievement method"),
        OptionalColumn("decimals", ColumnKind.Integer, "Decimali", "Decimals"),
        OptionalColumn("achieved_from", ColumnKind.Decimal, "Raggiunto da", "Achieved from"),
        OptionalColumn("partially_achieved_from", ColumnKind.Decimal, "Parzialmente raggiunto da", "Partially achieved from"),
        OptionalColumn("weight", ColumnKind.Decimal, "Peso", "Weight"),
        OptionalColumn("aggregation", ColumnKind.Text, "Aggregazione", "Aggregation"),
        OptionalColumn("threshold_comparison", ColumnKind.Text, "Confronto soglia", "Threshold comparison"),
        OptionalColumn("threshold", ColumnKind.Decimal, "Soglia", "Threshold"),
        OptionalColumn("notes", ColumnKind.Text, "Note indicatore", "Indicator notes"),
        OptionalColumn("data_source", ColumnKind.Text, "Fonte dati", "Data source", "Fonte"),
        OptionalColumn("owner", ColumnKind.Text, "Responsabile", "Owner", "Responsabile politico"),
        OptionalColumn("period", ColumnKind.Code, "Anno", "Period", "Periodo"),
        OptionalColumn("target", ColumnKind.Decimal, "Target", "Target value", "Valore atteso"),
        OptionalColumn("target_high", ColumnKind.Decimal, "Target massimo", "Target high"),
        OptionalColumn("actual", ColumnKind.Decimal, "Consuntivo", "Actual", "Valore rilevato"),
        OptionalColumn("variable_values", ColumnKind.Text, "Valori variabili", "Variable values"),
        OptionalColumn("note", ColumnKind.Text, "Nota", "Note", "Note periodo"),
        OptionalColumn("evidence_uri", ColumnKind.Text, "Evidenza", "Evidence URI", "Link evidenza"),
        OptionalColumn("printed_achievement", ColumnKind.Decimal, "Raggiungimento", "Printed achievement", "Raggiungimento %", "Achievement"),
        OptionalColumn("printed_breach", ColumnKind.Text, "Esito stampato", "Printed breach", "Soglia superata",
            "Condizione che ricorre", "Condizione che ricorre SI/NO"));

    /// <summary>The columns that define the indicator (the rest describe one period).</summary>
    public static readonly IReadOnlyList<string> Definition = Schema.Columns.Select(c => c.Name)
        .TakeWhile(n => n != "period").Where(n => n != "indicator").ToList();

    /// <summary>A printed yes/no flag: blank is "nothing printed".</summary>
    public enum Flag { Unspecified, Yes, No }

    /// <summary>The printed breach flag as the DUP prints it (<c>SI</c>, <c>NO</c>), or Sì, true/false, yes; written SI or NO.</summary>
    public static readonly ItalianLabels<Flag> Flags = new(
        (Flag.Yes, "SI"), (Flag.No, "NO"), (Flag.Yes, "Sì"), (Flag.Yes, "true"), (Flag.No, "false"), (Flag.Yes, "yes"));

    public static readonly ItalianLabels<Kind> Kinds = new(
        (Kind.Impact, "Impatto"), (Kind.Outcome, "Risultato"), (Kind.Output, "Prodotto"), (Kind.Context, "Contesto"),
        (Kind.Financial, "Finanziario"));

    public static readonly ItalianLabels<Polarity> Polarities = new(
        (Polarity.HigherIsBetter, "Crescente"), (Polarity.LowerIsBetter, "Decrescente"), (Polarity.Binary, "Sì/No"),
        (Polarity.TargetRange, "Intervallo"));

    public static readonly ItalianLabels<AchievementMethod> Methods = new(
        (AchievementMethod.DupPercent, "Percentuale DUP"), (AchievementMethod.UncappedPercent, "Percentuale senza limite"),
        (AchievementMethod.LinearFromBaseline, "Lineare dal valore di partenza"));

    public static readonly ItalianLabels<Aggregation> Aggregations = new(
        (Aggregation.Sum, "Somma"), (Aggregation.Average, "Media"), (Aggregation.Last, "Ultimo"));

    public static readonly ItalianLabels<Threshold.Types.Comparison> Comparisons = new(
        (Threshold.Types.Comparison.GreaterThan, ">"), (Threshold.Types.Comparison.GreaterOrEqual, ">="),
        (Threshold.Types.Comparison.LessThan, "<"), (Threshold.Types.Comparison.LessOrEqual, "<="),
        (Threshold.Types.Comparison.GreaterThan, "maggiore di"), (Threshold.Types.Comparison.LessThan, "minore di"));
}
