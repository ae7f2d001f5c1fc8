namespace Platform.Finance.Investments;

/// <summary>A row of <c>investments</c> with its yearly funding.</summary>
public sealed record InvestmentRow
{
    public string TenantId { get; init; } = "";
    public string InvestmentId { get; init; } = "";
    public string? Cup { get; init; }
    public string Title { get; init; } = "";
    public string? PnrrMeasure { get; init; }
    public string? PnrrMission { get; init; }
    public string? PnrrComponent { get; init; }
    public string? PnrrInvestment { get; init; }
    public decimal TotalCost { get; init; }
    public string? StartText { get; init; }
    public string? EndText { get; init; }
    public string? FundingBody { get; init; }
    public string? Sector { get; init; }
    public string? State { get; init; }
    /// <summary>Objective resource names, one per line.</summary>
    public string Objectives { get; init; } = "";
    /// <summary>Flags, comma-separated.</summary>
    public string Flags { get; init; } = "";
    /// <summary>Other lists naming the investment: one <c>list\tcost</c> per line (<see cref="ListingRows"/>).</summary>
    public string Listings { get; init; } = "";
    public long Version { get; init; }
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTime UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
    public IReadOnlyList<InvestmentYearRow> Years { get; init; } = [];

    public string ResourceName => InvestmentName.Format(InvestmentId);
    public decimal TotalContribution => Years.Sum(y => y.PnrrContribution);
    public decimal TotalCofinancing => Years.Sum(y => y.Cofinancing);

    public IReadOnlyList<(string List, decimal Cost)> ListingRows => Listings.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t')).Select(p => (p[0], decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public static string JoinListings(IEnumerable<(string List, decimal Cost)> listings) =>
        string.Join('\n', listings.Select(l => $"{l.List}\t{l.Cost.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>Every field as the API shows it, for the audit trail (old and new values per field).</summary>
    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>
    {
        ["cup"] = Cup,
        ["title"] = Title,
        ["pnrr_measure"] = PnrrMeasure,
        ["total_cost"] = Decimals.Format(TotalCost, 2),
        ["years"] = Years.Count == 0 ? null : string.Join(";", Years.OrderBy(y => y.Year).Select(y =>
            $"{y.Year}:{Decimals.Format(y.PnrrContribution, 2)}/{Decimals.Format(y.Cofinancing, 2)}")),
        ["start"] = StartText,
        ["end"] = EndText,
        ["funding_body"] = FundingBody,
        ["sector"] = Sector,
        ["state"] = State,
        ["objectives"] = Objectives.Length == 0 ? null : Objectives.Replace('\n', ','),
        ["flags"] = Flags.Length == 0 ? null : Flags,
        ["listings"] = Listings.Length == 0 ? null : string.Join(";", ListingRows.Select(l => $"{l.List}:{Decimals.Format(l.Cost, 2)}")),
    };

    public Investment ToProto()
    {
        var proto = new Investment
        {
            Name = ResourceName, Cup = Cup ?? "", Title = Title, PnrrMeasure = PnrrMeasure ?? "",
            PnrrMission = PnrrMission ?? "", PnrrComponent = PnrrComponent ?? "", PnrrInvestment = PnrrInvestment ?? "",
            TotalCost = Decimals.Format(TotalCost, 2), Start = StartText ?? "", End = EndText ?? "",
            FundingBody = FundingBody ?? "", Sector = Sector ?? "", State = State ?? "",
            TotalPnrrContribution = Decimals.Format(TotalContribution, 2), TotalCofinancing = Decimals.Format(TotalCofinancing, 2),
            Etag = Etags.Format(Version), CreateTime = CreatedAt.ToTimestamp(), UpdateTime = UpdatedAt.ToTimestamp(),
        };
        proto.Objectives.AddRange(Objectives.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        proto.Flags.AddRange(Flags.Split(',', StringSplitOptions.RemoveEmptyEntries));
        proto.Listings.AddRange(ListingRows.Select(l => new InvestmentListing { List = l.List, TotalCost = Decimals.Format(l.Cost, 2) }));
        proto.Years.AddRange(Years.OrderBy(y => y.Year).Select(y => new InvestmentYear
        {
            Year = y.Year, PnrrContribution = Decimals.Format(y.PnrrContribution, 2), Cofinancing = Decimals.Format(y.Cofinancing, 2),
        }));
        return proto;
    }
}

public sealed record InvestmentYearRow
{
    public string InvestmentId { get; init; } = "";
    public int Year { get; init; }
    public decimal PnrrContribution { get; init; }
    public decimal Cofinancing { get; init; }
}
