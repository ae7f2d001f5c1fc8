using System.Globalization;

namespace Platform.ServiceDefaults.Quality;

/// <summary>Numbers and amounts as Italian readers expect them in findings: <c>61,41</c>, <c>1.234.567,89 €</c>.</summary>
public static class ItalianFormat
{
    /// <summary>Built by hand: the services run in globalization-invariant mode, without it-IT data.</summary>
    private static readonly NumberFormatInfo Italian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Number(decimal value) => value.ToString("#,##0.##", Italian);

    public static string Money(decimal value) => value.ToString("#,##0.00", Italian) + " €";
}
