using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;

namespace Platform.Finance.Investments;

/// <summary>
/// Checks an investment. Strict: a bad CUP or PNRR measure is a field violation. Lenient (imports of documents
/// as printed): they become flags on the stored investment. A contribution above the cost is always a flag.
/// </summary>
public static partial class InvestmentValidation
{
    /// <summary>Fields an update may change; the mask paths of <c>UpdateInvestment</c>.</summary>
    public static readonly IReadOnlySet<string> UpdatableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "cup", "title", "pnrr_measure", "total_cost", "years", "start", "end", "funding_body", "sector", "state", "objectives", "listings",
    };

    /// <param name="keepFlagged">
    /// Strict checks only: the fields (<c>cup</c>, <c>pnrr_measure</c>) an update leaves as they are, so a value
    /// flagged by a lenient import stays flagged instead of refusing every later change.
    /// </param>
    public static InvestmentRow? Check(string investmentId, Investment? investment, bool lenient, RequestValidator validator,
        string idField, string at, IReadOnlySet<string>? keepFlagged = null)
    {
        ResourceNames.CheckId(validator, investmentId, idField);
        if (!validator.Check(investment is not null, at, "is required")) return null;
        var i = investment!;
        var before = validator.Violations.Count;
        var flags = new List<string>();
        validator.Text(i.Title, at + ".title", 1000);

        var cup = i.Cup.Trim();
        if (cup.Length > 0)
            foreach (var problem in PnrrCodes.CupProblems(cup))
            {
                if (lenient || keepFlagged?.Contains("cup") == true) flags.Add(problem);
                else validator.Add(at + ".cup", problem == "CUP_LENGTH"
                    ? $"must be {PnrrCodes.CupLength} characters, '{cup}' has {cup.Length}"
                    : "must be uppercase letters and digits, starting with a letter");
            }

        PnrrMeasure? measure = null;
        if (i.PnrrMeasure.Length > 0 && !PnrrCodes.TryParseMeasure(i.PnrrMeasure.Trim(), out measure))
        {
            if (lenient || keepFlagged?.Contains("pnrr_measure") == true) flags.Add("MEASURE_FORMAT");
            else validator.Add(at + ".pnrr_measure", $"must be a PNRR measure such as M4-C1-I3.3, not '{i.PnrrMeasure}'");
        }

        var costOk = Money(i.TotalCost, at + ".total_cost", validator, required: true, out var cost);
        var years = new List<InvestmentYearRow>();
        var seen = new HashSet<int>();
        for (var j = 0; j < i.Years.Count; j++)
        {
            var y = i.Years[j];
            var here = $"{at}.years[{j}]";
            if (validator.Range(y.Year, 2000, 2100, here + ".year"))
                validator.Check(seen.Add(y.Year), here + ".year", $"{y.Year} appears twice");
            var ok = Money(y.PnrrContribution, here + ".pnrr_contribution", validator, false, out var contribution);
            ok &= Money(y.Cofinancing, here + ".cofinancing", validator, false, out var cofinancing);
            if (ok) years.Add(new InvestmentYearRow { InvestmentId = investmentId, Year = y.Year, PnrrContribution = contribution, Cofinancing = cofinancing });
        }
        validator.MaxLength(i.Start, 100, at + ".start");
        validator.MaxLength(i.End, 100, at + ".end");
        validator.MaxLength(i.FundingBody, 300, at + ".funding_body");
        validator.MaxLength(i.Sector, 200, at + ".sector");
        validator.MaxLength(i.State, 40, at + ".state");
        for (var j = 0; j < i.Objectives.Count; j++)
            ResourceNames.Check<ObjectiveName>(validator, i.Objectives[j], $"{at}.objectives[{j}]", out _);
        var listings = Listings(i, at, validator);

        if (validator.Violations.Count > before) return null;
        if (costOk && years.Sum(y => y.PnrrContribution) > cost) flags.Add("CONTRIBUTION_EXCEEDS_COST");
        return new InvestmentRow
        {
            InvestmentId = investmentId, Cup = Empty(cup), Title = i.Title.Trim(), PnrrMeasure = measure?.Canonical ?? Empty(i.PnrrMeasure),
            PnrrMission = measure?.Mission, PnrrComponent = measure?.Component, PnrrInvestment = measure?.Investment,
            TotalCost = cost, StartText = Empty(i.Start), EndText = Empty(i.End), FundingBody = Empty(i.FundingBody),
            Sector = Empty(i.Sector), State = Empty(i.State), Objectives = string.Join('\n', i.Objectives.Distinct()),
            Flags = string.Join(',', flags.Distinct()), Years = years, Listings = InvestmentRow.JoinListings(listings),
        };
    }

    private static List<(string List, decimal Cost)> Listings(Investment i, string at, RequestValidator validator)
    {
        var listings = new List<(string, decimal)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < i.Listings.Count; j++)
        {
            var here = $"{at}.listings[{j}]";
            var list = i.Listings[j].List.Trim();
            if (validator.Text(list, here + ".list", 100)
                && validator.Check(!list.Any(char.IsControl), here + ".list", "must be one line of text")
                && validator.Check(names.Add(list), here + ".list", $"'{list}' appears twice"))
                if (Money(i.Listings[j].TotalCost, here + ".total_cost", validator, required: true, out var cost)) listings.Add((list, cost));
        }
        return listings;
    }

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Money(string text, string field, RequestValidator validator, bool required, out decimal value)
    {
        var ok = Decimals.TryParseMoney(text, field, validator, required, allowNegative: false, out var parsed);
        value = parsed ?? 0;
        return ok;
    }
}
