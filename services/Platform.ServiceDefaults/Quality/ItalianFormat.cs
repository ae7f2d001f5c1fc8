using System.Globalization;

namespace Platform.ServiceDefaults.Quality;

/// <summary>Numbers and amounts as Italian readers expect them in findings: <c>61,41</c>, <c>1.234.567,89 €</c>.</summary>
public static class ItalianFormat
{
    /// <summary>Built by hand: the services run in globalization-invariant mode, without it-IT data.</summary>
    private static readonly NumberFormatInfo Italian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Number(decimal value) => value.ToString("#,##0.##", Italian);

    /// <summary>At least <paramref name="minPlaces"/> places, more when the value has them (<c>12,00</c>, <c>0,125</c>),
    /// like <see cref="Api.Decimals.FormatAtLeast"/> in the API's notation.</summary>
    public static string Number(decimal value, int minPlaces)
    {
        var places = Math.Max((value / 1.0000000000000000000000000000m).Scale, minPlaces);
        return value.ToString(places == 0 ? "#,##0" : "#,##0." + new string('0', places), Italian);
    }

    public static string Money(decimal value) => value.ToString("#,##0.00", Italian) + " €";
}
