using Platform.Indicators.Periods;

namespace Platform.Indicators.Definitions;

/// <summary>The indicators linked to a plan (by id, with their links) and their periods (by indicator, in time order).</summary>
public sealed record PlanRows(IReadOnlyList<IndicatorRow> Indicators, IReadOnlyList<PeriodRow> Periods);
