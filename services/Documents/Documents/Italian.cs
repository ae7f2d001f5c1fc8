using System.Globalization;

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

    public static string Status(Indicators.V1.Status status) => status switch
    {
        Indicators.V1.Status.Achieved => "Raggiunto",
        Indicators.V1.Status.PartiallyAchieved => "Parzialmente raggiunto",
        Indicators.V1.Status.NotAchieved => "Non raggiunto",
        Indicators.V1.Status.NoTarget => "Senza target",
        _ => "Non misurato",
    };

    public static string ReportState(ProgressReport.Types.State state) => state switch
    {
        ProgressReport.Types.State.NotStarted => "Non avviato",
        ProgressReport.Types.State.OnTrack => "In linea",
        ProgressReport.Types.State.AtRisk => "A rischio",
        ProgressReport.Types.State.Late => "In ritardo",
        ProgressReport.Types.State.Done => "Concluso",
        ProgressReport.Types.State.Cancelled => "Annullato",
        _ => "Nessun rapporto",
    };

    public static string PlanState(Plan.Types.State state) => state switch
    {
        Plan.Types.State.Adopted => "Adottato",
        Plan.Types.State.Approved => "Approvato",
        Plan.Types.State.Archived => "Archiviato",
        _ => "Bozza",
    };

    public static string Joined(IEnumerable<string> values) => string.Join("; ", values) is { Length: > 0 } text ? text : "—";

    public static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
}
