using System.Globalization;

namespace Platform.Web.Api;

/// <summary>How the API's values read in Italian: it-IT numbers and dates, names of kinds, states and statuses.</summary>
public static class Italian
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("it-IT");

    /// <summary>A decimal string of the API as it-IT (<c>1234567.89</c> is <c>1.234.567,89</c>); "—" when empty.</summary>
    public static string Number(string? value, string? unit = null)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return value;
        var text = number.ToString("#,##0.##", Culture);
        return string.IsNullOrEmpty(unit) ? text : unit == "€" ? number.ToString("C", Culture) : $"{text} {unit}";
    }

    /// <summary>A decimal string of the API as it-IT with the places it has (<c>12.00</c> is <c>12,00</c>, not <c>12</c>).</summary>
    public static string Exact(string? value, string? unit = null)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return value;
        var text = number.ToString("N" + number.Scale, Culture);
        return string.IsNullOrEmpty(unit) ? text : $"{text} {unit}";
    }

    public static string Date(DateTimeOffset? value) => value?.ToString("dd/MM/yyyy", Culture) ?? "—";

    /// <summary>A day of the API (<c>2022-06-30</c>) as <c>30/06/2022</c>; "—" when empty.</summary>
    public static string Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("dd/MM/yyyy", Culture) : string.IsNullOrEmpty(value) ? "—" : value;

    public static string PlanKind(string kind) => kind switch
    {
        "DUP" => "Documento Unico di Programmazione",
        "PEG" => "Piano Esecutivo di Gestione",
        "PIAO" => "Piano Integrato di Attività e Organizzazione",
        "PERFORMANCE_PLAN" => "Piano della performance",
        "DEVELOPMENT_PACT" => "Patto territoriale",
        _ => "Altro",
    };

    public static string PlanState(string state) => state switch
    {
        "ADOPTED" => "Adottato",
        "APPROVED" => "Approvato",
        "ARCHIVED" => "Archiviato",
        _ => "Bozza",
    };

    /// <summary>The statuses of an indicator in the order the pages list them, with label and colour class.</summary>
    public static readonly IReadOnlyList<(string Status, string Label, string Css)> Statuses =
    [
        ("ACHIEVED", "Raggiunto", "stato-raggiunto"),
        ("PARTIALLY_ACHIEVED", "Parzialmente raggiunto", "stato-parziale"),
        ("NOT_ACHIEVED", "Non raggiunto", "stato-non-raggiunto"),
        ("NOT_MEASURED", "Non misurato", "stato-non-misurato"),
        ("NO_TARGET", "Senza target", "stato-senza-target"),
    ];

    public static (string Label, string Css) Status(string status) =>
        Statuses.FirstOrDefault(s => s.Status == status) is { Label: not null } s ? (s.Label, s.Css) : ("Non misurato", "stato-non-misurato");

    public static int Count(StatusCounts? counts, string status) => counts is null ? 0 : status switch
    {
        "ACHIEVED" => counts.Achieved,
        "PARTIALLY_ACHIEVED" => counts.PartiallyAchieved,
        "NOT_ACHIEVED" => counts.NotAchieved,
        "NOT_MEASURED" => counts.NotMeasured,
        "NO_TARGET" => counts.NoTarget,
        _ => 0,
    };

    /// <summary>State of a progress report (stato di attuazione), with label and colour class.</summary>
    public static (string Label, string Css) ReportState(string state) => state switch
    {
        "NOT_STARTED" => ("Non avviato", "stato-non-misurato"),
        "ON_TRACK" => ("In linea", "stato-raggiunto"),
        "AT_RISK" => ("A rischio", "stato-parziale"),
        "LATE" => ("In ritardo", "stato-non-raggiunto"),
        "DONE" => ("Concluso", "stato-raggiunto"),
        "CANCELLED" => ("Annullato", "stato-senza-target"),
        _ => ("Nessun rapporto", "stato-non-misurato"),
    };
}
