using System.Text;

namespace Platform.Spreadsheets.Schema;

/// <summary>Folds a header to the form headers are compared in: lower case, no accents, letters and digits only.</summary>
public static class HeaderText
{
    public static string Fold(string header)
    {
        var folded = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            var plain = char.ToLowerInvariant(WithoutAccent(c));
            if (char.IsLetterOrDigit(plain)) folded.Append(plain);
        }
        return folded.ToString();
    }

    // Invariant globalization has no Unicode normalization tables to lean on, and headers only use Latin letters.
    private static char WithoutAccent(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ä' or 'ã' or 'å' => 'a',
        'À' or 'Á' or 'Â' or 'Ä' or 'Ã' or 'Å' => 'A',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'È' or 'É' or 'Ê' or 'Ë' => 'E',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'Ì' or 'Í' or 'Î' or 'Ï' => 'I',
        'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
        'Ò' or 'Ó' or 'Ô' or 'Ö' or 'Õ' => 'O',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'Ù' or 'Ú' or 'Û' or 'Ü' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ñ' => 'n',
        'Ñ' => 'N',
        _ => c,
    };
}
