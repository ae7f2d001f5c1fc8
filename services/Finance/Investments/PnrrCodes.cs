using System.Text.RegularExpressions;

namespace Platform.Finance.Investments;

/// <summary>A PNRR measure split into mission (<c>M4</c>), component (<c>M4C1</c>) and investment (<c>3.3</c>).</summary>
public sealed record PnrrMeasure(string Mission, string Component, string Investment)
{
    /// <summary>Canonical text, e.g. <c>M4-C1-I3.3</c> (a reform keeps its R: <c>M1-C1-R1.2</c>).</summary>
    public string Canonical => $"{Mission}-C{Component[Mission.Length..][1..]}-{(Investment.StartsWith('R') ? Investment : "I" + Investment)}";
}

public static partial class PnrrCodes
{
    // M4-C1-I3.3, M5-C2-I2.3.1, M1-C1-R1.2; hyphens optional (M4C1-I3.3).
    [GeneratedRegex(@"^M(?<m>[1-7])-?C(?<c>[1-9])-?(?<kind>[IR])(?<n>\d{1,2}(\.\d{1,2}){0,2})$")]
    private static partial Regex Measure();

    [GeneratedRegex(@"^[A-Z0-9]+$")]
    private static partial Regex CupCharacters();

    public const int CupLength = 15;

    public static bool TryParseMeasure(string? text, out PnrrMeasure measure)
    {
        measure = null!;
        var match = Measure().Match(text ?? "");
        if (!match.Success) return false;
        var mission = "M" + match.Groups["m"].Value;
        var investment = match.Groups["kind"].Value == "R" ? "R" + match.Groups["n"].Value : match.Groups["n"].Value;
        measure = new PnrrMeasure(mission, mission + "C" + match.Groups["c"].Value, investment);
        return true;
    }

    /// <summary>
    /// Problems of a Codice Unico di Progetto: <c>CUP_LENGTH</c> (not 15 characters), <c>CUP_FORMAT</c> (not
    /// uppercase letters and digits starting with a letter). Empty when the CUP is valid.
    /// </summary>
    public static IReadOnlyList<string> CupProblems(string cup)
    {
        var problems = new List<string>();
        if (cup.Length != CupLength) problems.Add("CUP_LENGTH");
        if (!CupCharacters().IsMatch(cup) || !char.IsAsciiLetterUpper(cup[0])) problems.Add("CUP_FORMAT");
        return problems;
    }
}
