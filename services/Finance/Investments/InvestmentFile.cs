using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Finance.Files.FileCells;
using static Platform.Spreadsheets.Schema.ColumnDefinition;
using static Platform.Spreadsheets.Schema.ColumnFamily;

namespace Platform.Finance.Investments;

/// <summary>
/// The investments file (kind <c>investments</c>, PNRR projects among them): one row per investment, its yearly
/// PNRR contribution and co-financing as year columns (<c>Contributo PNRR 2023</c>, <c>Cofinanziamento 2023</c>).
/// Rows are checked and created as ImportInvestments does with <c>lenient</c>: the document's CUP and measure
/// mistakes become flags on the investment, every other rule refuses the row; linked objectives must exist.
/// The cost another list of the document prints for the same project is a column per list (<c>Costo elenco Regis</c>).
/// </summary>
public static class InvestmentFile
{
    public const string Kind = "investments";

    private const string Contribution = "pnrr_contribution";
    private const string Cofinancing = "cofinancing";
    private const string ListedCost = "listed_cost";

    public static readonly TableSchema Schema = new(
    [
        RequiredColumn("investment_id", ColumnKind.Code, "Codice", "Id", "Codice intervento"),
        OptionalColumn("cup", ColumnKind.Code, "CUP", "CUP code", "Codice CUP"),
        RequiredColumn("title", ColumnKind.Text, "Titolo", "Title", "Intervento", "Denominazione"),
        OptionalColumn("pnrr_measure", ColumnKind.Code, "Misura PNRR", "PNRR measure", "Misura"),
        OptionalColumn("pnrr_mission", ColumnKind.Code, "Missione PNRR", "PNRR mission"),
        OptionalColumn("pnrr_component", ColumnKind.Code, "Componente", "Component", "Componente PNRR"),
        OptionalColumn("pnrr_investment", ColumnKind.Code, "Investimento", "Investment", "Linea di investimento"),
        RequiredColumn("total_cost", ColumnKind.Money, "Costo totale", "Total cost", "Importo totale", "Importo"),
        OptionalColumn("start", ColumnKind.Text, "Inizio", "Start", "Data inizio"),
        OptionalColumn("end", ColumnKind.Text, "Fine", "End", "Data fine"),
        OptionalColumn("funding_body", ColumnKind.Text, "Ente finanziatore", "Funding body", "Finanziatore", "Amministrazione titolare"),
        OptionalColumn("sector", ColumnKind.Text, "Settore", "Sector"),
        OptionalColumn("state", ColumnKind.Text, "Stato", "State"),
        OptionalColumn("objectives", ColumnKind.Text, "Obiettivi collegati", "Linked objectives", "Obiettivi"),
    ],
    [
        Family(Contribution, ColumnKind.Money, "Contributo PNRR", "PNRR contribution", "Contributo"),
        Family(Cofinancing, ColumnKind.Money, "Cofinanziamento", "Cofinancing", "Cofinanziamento comune"),
        Family(ListedCost, ColumnKind.Money, "Costo elenco", "Listed cost"),
    ]);

    public static ImportKind<CreateInvestmentRequest> For(RequestIdentity who, InvestmentStore investments)
    {
        var checkedRows = new Dictionary<CreateInvestmentRequest, InvestmentRow>(ReferenceEqualityComparer.Instance);
        return new ImportKind<CreateInvestmentRequest>(Kind, Schema, ["investment_id"],
            Read: Read,
            Write: (_, _, request, _) =>
            {
                var validator = new RequestValidator();
                var row = InvestmentValidation.Check(request.InvestmentId, request.Investment, lenient: true, validator, "investment_id", "investment");
                validator.ThrowIfInvalid();
                checkedRows[request] = row!;
                return Task.CompletedTask;
            },
            ColumnOfField: ColumnOf)
        {
            BatchSize = 500,
            WriteBatch = async (connection, transaction, requests, ct) =>
            {
                var rows = requests.Select(r => checkedRows[r]).ToList();
                checkedRows.Clear();
                var existing = await InvestmentStore.ExistingAsync(connection, transaction, who, rows.Select(r => r.InvestmentId).ToList(), ct);
                var missing = await investments.MissingObjectivesAsync(rows, ct);
                var refusals = new List<BatchRefusal>();
                for (var i = 0; i < requests.Count; i++)
                {
                    if (existing.Contains(rows[i].InvestmentId))
                        refusals.Add(new BatchRefusal(i, ApiErrors.InvalidArgument("investment_id", $"{rows[i].ResourceName} already exists")));
                    foreach (var objective in requests[i].Investment.Objectives.Where(missing.Contains))
                        refusals.Add(new BatchRefusal(i, ApiErrors.InvalidArgument("investment.objectives",
                            $"{objective} does not exist in the Objectives service")));
                }
                if (refusals.Count == 0) await investments.InsertAsync(connection, transaction, who, rows, ct);
                return refusals;
            },
        };
    }

    public static CreateInvestmentRequest Read(ImportRow row)
    {
        var investment = new Investment
        {
            Cup = row.Text("cup") ?? "",
            Title = row.Text("title") ?? "",
            PnrrMeasure = row.Text("pnrr_measure") ?? Measure(row.Text("pnrr_mission"), row.Text("pnrr_component"), row.Text("pnrr_investment")),
            TotalCost = Money(row, "total_cost"),
            Start = row.Text("start") ?? "",
            End = row.Text("end") ?? "",
            FundingBody = row.Text("funding_body") ?? "",
            Sector = row.Text("sector") ?? "",
            State = row.Text("state") ?? "",
            Objectives = { List(row.Text("objectives")) },
        };
        var contributions = row.Family(Contribution).ToDictionary(m => m.Key, m => m.Value);
        var cofinancing = row.Family(Cofinancing).ToDictionary(m => m.Key, m => m.Value);
        foreach (var key in contributions.Keys.Union(cofinancing.Keys))
            investment.Years.Add(new InvestmentYear
            {
                Year = int.TryParse(key, out var year) ? year
                    : throw ApiErrors.InvalidArgument("investment.years", $"«{key}» non è un anno: le colonne degli importi annuali sono «Contributo PNRR 2023», «Cofinanziamento 2023»"),
                PnrrContribution = Money(contributions.GetValueOrDefault(key)),
                Cofinancing = Money(cofinancing.GetValueOrDefault(key)),
            });
        foreach (var (list, cost) in row.Family(ListedCost))
            investment.Listings.Add(new InvestmentListing { List = list, TotalCost = Money(cost) });
        return new CreateInvestmentRequest { InvestmentId = row.Text("investment_id") ?? "", Investment = investment };
    }

    /// <summary>
    /// The schema of an export: the columns, a contribution and a co-financing column per year any investment has,
    /// then a cost column per list any investment is listed in.
    /// </summary>
    public static TableSchema ExportSchema(IReadOnlyList<InvestmentRow> rows) =>
        Schema.WithMembers(Years(rows).SelectMany(y => new[] { (Contribution, y.ToString()), (Cofinancing, y.ToString()) })
            .Concat(Lists(rows).Select(list => (ListedCost, list))));

    public static IReadOnlyList<object?> Cells(InvestmentRow r, IReadOnlyList<InvestmentRow> all)
    {
        var cells = new List<object?>
        {
            r.InvestmentId, r.Cup, r.Title, r.PnrrMeasure, r.PnrrMission, r.PnrrComponent, r.PnrrInvestment, r.TotalCost, r.StartText,
            r.EndText, r.FundingBody, r.Sector, r.State, r.Objectives.Length == 0 ? null : r.Objectives.Replace("\n", "; "),
        };
        foreach (var year in Years(all))
        {
            var found = r.Years.FirstOrDefault(y => y.Year == year);
            cells.Add(found?.PnrrContribution);
            cells.Add(found?.Cofinancing);
        }
        foreach (var list in Lists(all))
            cells.Add(r.ListingRows.Where(l => l.List == list).Select(l => (decimal?)l.Cost).FirstOrDefault());
        return cells;
    }

    private static IEnumerable<string> Lists(IReadOnlyList<InvestmentRow> rows) =>
        rows.SelectMany(r => r.ListingRows).Select(l => l.List).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static IEnumerable<int> Years(IReadOnlyList<InvestmentRow> rows) => rows.SelectMany(r => r.Years).Select(y => y.Year).Distinct().Order();

    /// <summary><c>M5</c>, <c>M5C2</c>, <c>2.3.1</c> to <c>M5-C2-I2.3.1</c>; empty when a part is missing.</summary>
    public static string Measure(string? mission, string? component, string? investment) =>
        mission is not { Length: > 0 } || component is null || component.Length <= mission.Length || investment is not { Length: > 0 }
            ? ""
            : $"{mission}-{component[mission.Length..]}-{(investment.StartsWith('R') ? investment : "I" + investment)}";

    private static string? ColumnOf(string field)
    {
        var name = field.StartsWith("investment.", StringComparison.Ordinal) ? field["investment.".Length..] : field;
        var bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        return Schema.Columns.Any(c => c.Name == name) ? name : null;
    }
}
