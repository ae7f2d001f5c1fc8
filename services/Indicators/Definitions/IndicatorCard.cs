using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Indicators.Definitions;

/// <summary>
/// The <c>card</c> column: every field of <see cref="Indicator"/> that has no column of its own, stored as
/// protobuf JSON. A field added to the message is stored, read, updatable and audited with no further code.
/// </summary>
public static class IndicatorCard
{
    /// <summary>Set by the service, never by a client.</summary>
    private static readonly HashSet<string> Bookkeeping = ["name", "etag", "create_time", "update_time", "update_user"];

    /// <summary>Fields kept in columns of <c>indicators</c> (or, for objectives and plans, in <c>indicator_objectives</c>), read and written by <see cref="IndicatorRow"/>.</summary>
    private static readonly HashSet<string> Columns =
    [
        "title", "unit", "description", "objectives", "plans", "kind", "decimals", "polarity", "formula", "variables", "baseline_value",
        "baseline_year", "achievement_method", "status_bands", "weight", "data_source", "owner", "aggregation", "threshold",
    ];

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private static IEnumerable<FieldDescriptor> CardFields =>
        Indicator.Descriptor.Fields.InFieldNumberOrder().Where(f => !Bookkeeping.Contains(f.Name) && !Columns.Contains(f.Name));

    /// <summary>Every field a client may change, for update masks.</summary>
    public static readonly IReadOnlySet<string> UpdatableFields =
        Indicator.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name).Where(n => !Bookkeeping.Contains(n)).ToHashSet();

    /// <summary>The card of <paramref name="indicator"/>: only its fields without a column.</summary>
    public static string Serialize(Indicator indicator)
    {
        var card = new Indicator();
        foreach (var field in CardFields)
            UpdateMasks.Apply(card, indicator, [field.Name]);
        return JsonFormatter.Default.Format(card);
    }

    /// <summary>The card's fields, for <see cref="IndicatorRow.ToProto"/> to complete from the columns.</summary>
    public static Indicator Parse(string card) => card is "" or "{}" ? new Indicator() : Parser.Parse<Indicator>(card);

    /// <summary>The card's fields as the audit trail shows them.</summary>
    public static IReadOnlyDictionary<string, string?> AuditFields(string card) =>
        AuditValues.Of(Parse(card), [.. Bookkeeping, .. Columns]);
}
