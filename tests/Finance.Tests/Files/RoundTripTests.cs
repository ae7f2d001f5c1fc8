using Google.Protobuf;
using Platform.Imports.V1;

namespace Finance.Tests.Files;

/// <summary>
/// Export then import into a fresh ente gives back identical budget lines, debt schedule and investments,
/// compared field by field (issue 11), for CSV and XLSX, through gRPC and REST.
/// </summary>
public sealed class RoundTripTests(FinanceWithObjectives factory) : FileTest(factory), IClassFixture<FinanceWithObjectives>
{
    private const string Parent = "budgets/bilancio-2023-2025";

    private static BudgetLineEntry Line(string id, BudgetLine line, params LineAmount[] amounts)
    {
        line.Description = $"Riga {id}: descrizione; con «virgolette» e punto e virgola";
        line.Amounts.AddRange(amounts);
        return new BudgetLineEntry { LineId = id, Line = line };
    }

    private static LineAmount Amount(int year, Stage stage, string appropriation, string cash = "", string commitments = "") =>
        new() { Year = year, Stage = stage, Appropriation = appropriation, Cash = cash, Commitments = commitments };

    private async Task SeedAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        await grpc.CreateBudgetAsync(Budget(), Call());
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent,
            Entries =
            {
                Line("entrate-t1", new BudgetLine { Kind = BudgetLine.Types.Kind.Revenue, Titolo = 1, Tipologia = "101", Categoria = "1010100" },
                    Amount(2022, Stage.Assestato, "59744413.63"), Amount(2023, Stage.Previsione, "60000000.10", cash: "61000000.00")),
                Line("s-4-02", new BudgetLine { Kind = BudgetLine.Types.Kind.Spending, Titolo = 1, MissionCode = "4", ProgrammeCode = "4.02", Macroaggregato = "103" },
                    Amount(2023, Stage.Previsione, "1234567.89", commitments: "1000000.00")),
                Line("fpv-corrente", new BudgetLine { Kind = BudgetLine.Types.Kind.Balance, BalanceItem = BalanceItem.FpvCurrent },
                    Amount(2023, Stage.Previsione, "1499609.09")),
            },
        }, Call());
        await grpc.UpdateDebtScheduleAsync(new UpdateDebtScheduleRequest
        {
            Schedule = new DebtSchedule
            {
                Name = Parent + "/debtSchedule",
                Years =
                {
                    new DebtYear { Year = 2021, OpeningDebt = "50000000.00", NewLoans = "1000000.00", Repayments = "3000000.00", OtherChanges = "-12.50",
                        ClosingDebt = "47999987.50", Inhabitants = 71000 },
                    new DebtYear { Year = 2022, OpeningDebt = "47999987.50", Repayments = "2500000.00", Inhabitants = 70900 },
                },
            },
        }, Call());
        await grpc.ImportInvestmentsAsync(new ImportInvestmentsRequest
        {
            Lenient = true,
            Investments =
            {
                new CreateInvestmentRequest
                {
                    InvestmentId = "pnrr-scuola",
                    Investment = new Investment
                    {
                        Cup = "D18E1800080006", Title = "Adeguamento sismico scuola Anna Frank", PnrrMeasure = "M4-C1-I3.3", TotalCost = "3225610.24",
                        Start = "I semestre 2022", End = "III trimestre 2025", FundingBody = "Ministero Istruzione", Sector = "Lavori Pubblici",
                        State = "IN_BUDGET", Objectives = { DupObjectives.Schools.Name, DupObjectives.Housing.Name },
                        Years = { new InvestmentYear { Year = 2022, PnrrContribution = "100000.00", Cofinancing = "5000.00" },
                                  new InvestmentYear { Year = 2024, PnrrContribution = "200000.00" } },
                    },
                },
                new CreateInvestmentRequest
                {
                    InvestmentId = "ict-cloud",
                    Investment = new Investment { Title = "Migrazione al cloud", PnrrMeasure = "M1-C1-I1.2", TotalCost = "150000.00" },
                },
            },
        }, Call());
    }

    private static CreateBudgetRequest Budget() => new()
    {
        BudgetId = "bilancio-2023-2025",
        Budget = new Budget
        {
            Title = "Bilancio 2023-2025", FirstYear = 2023, LastYear = 2025,
            Stages = { new BudgetStage { Year = 2022, Stage = Stage.Assestato }, new BudgetStage { Year = 2023, Stage = Stage.Previsione } },
        },
    };

    private async Task<byte[]> ExportAsync(Via via, string tenant, string kind, FileFormat format)
    {
        if (via == Via.Grpc)
        {
            var request = new ExportRequest { Parent = kind == "investments" ? "" : Parent, Format = format };
            var body = kind switch
            {
                "budget-lines" => await Grpc(tenant).ExportBudgetLinesAsync(request, Call()),
                "debt-schedule" => await Grpc(tenant).ExportDebtScheduleAsync(request, Call()),
                _ => await Grpc(tenant).ExportInvestmentsAsync(request, Call()),
            };
            return body.Data.ToByteArray();
        }
        var path = kind switch
        {
            "budget-lines" => $"/v1/{Parent}/lines:export",
            "debt-schedule" => $"/v1/{Parent}/debtSchedule:export",
            _ => "/v1/investments:export",
        };
        var response = await Rest(tenant).GetAsync($"{path}?format={format.ToString().ToUpperInvariant()}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Cancellation);
    }

    public static TheoryData<Via, FileFormat> Ways => new()
    {
        { Via.Grpc, FileFormat.Csv }, { Via.Grpc, FileFormat.Xlsx }, { Via.Rest, FileFormat.Csv }, { Via.Rest, FileFormat.Xlsx },
    };

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Export_then_import_into_a_fresh_ente_gives_back_identical_lines_debt_and_investments(Via via, FileFormat format)
    {
        var source = $"trip-from-{via}-{format}".ToLowerInvariant();
        var target = $"trip-to-{via}-{format}".ToLowerInvariant();
        await SeedAsync(source);
        await Grpc(target).CreateBudgetAsync(Budget(), Call());
        var name = format == FileFormat.Xlsx ? "file.xlsx" : "file.csv";

        foreach (var kind in new[] { "budget-lines", "debt-schedule", "investments" })
        {
            var file = await ExportAsync(via, source, kind, format);
            var events = await ImportAsync(via, target, kind, kind == "investments" ? "" : Parent, name, file, ImportMode.Commit, $"trip-{kind}");
            Assert.True(Summary(events).Committed, $"{kind}: {Shown(events)}");
        }

        async Task<List<BudgetLine>> Lines(string tenant) =>
            [.. (await Grpc(tenant).ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = Parent }, Call())).Lines];
        async Task<DebtSchedule> Debt(string tenant) =>
            await Grpc(tenant).GetDebtScheduleAsync(new GetDebtScheduleRequest { Name = Parent + "/debtSchedule" }, Call());
        async Task<List<Investment>> Investments(string tenant) =>
            [.. (await Grpc(tenant).ListInvestmentsAsync(new ListInvestmentsRequest(), Call())).Investments.Select(Comparable)];

        Assert.Equal(await Lines(source), await Lines(target));
        Assert.Equal(await Debt(source), await Debt(target));
        var investments = await Investments(source);
        Assert.Equal(2, investments.Count);
        Assert.Contains("CUP_LENGTH", investments.Single(i => i.Name == "investments/pnrr-scuola").Flags);
        Assert.Equal(investments, await Investments(target));
    }

    /// <summary>An investment without what the server stamps on a create (etag, times).</summary>
    private static Investment Comparable(Investment investment)
    {
        var copy = investment.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        return copy;
    }
}
