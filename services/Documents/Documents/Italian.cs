using System.Globalization;
using System.Reflection;
using Labels = Platform.Web.Api.Italian;

namespace Platform.Documents.Documents;

/// <summary>How the services' values print in the document: it-IT numbers (<c>1.234.567,89</c>), dates, labels.</summary>
public static class Italian
{
    /// <summary>it-IT number format, built here so it does not depend on the machine's culture data.</summary>
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3], NegativeSign = "-",
    };

    /// <summary>A decimal string of the API with the decimals it carries (<c>12.00</c> is <c>12,00</c>); "—" when empty.</summary>
    public static string Number(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return value;
        return number.ToString("N" + number.Scale.ToString(CultureInfo.InvariantCulture), Numbers);
    }

    /// <summary>An amount in euro to the cent, as the DUP prints it (<c>1.234.567,89</c>).</summary>
    public static string Amount(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("N2", Numbers) : value;
    }

    public static string Integer(long value) => value.ToString("N0", Numbers);

    public static string Date(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? "—" : time.ToDateTimeOffset().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Stage(Stage stage, int year) => stage switch
    {
        Finance.V1.Stage.Assestato => $"Assestato {year}",
        Finance.V1.Stage.Rendiconto => $"Rendiconto {year}",
        _ => $"Previsione {year}",
    };

    // The labels are the web pages' own (one wording for page and document), looked up by the contract's names.
    public static string Status(Indicators.V1.Status status) => Labels.Status(ProtoName(status)).Label;

    public static string ReportState(ProgressReport.Types.State state) => Labels.ReportState(ProtoName(state)).Label;

    public static string PlanState(Plan.Types.State state) => Labels.PlanState(ProtoName(state));

    /// <summary>An enum value's name in the contract (<c>ON_TRACK</c>), as the REST API spells it.</summary>
    private static string ProtoName<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<Google.Protobuf.Reflection.OriginalNameAttribute>()?.Name ?? "";

    public static string Joined(IEnumerable<string> values) => string.Join("; ", values) is { Length: > 0 } text ? text : "—";

    public static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
}
