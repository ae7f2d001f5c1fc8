using Platform.Imports.V1;

namespace Finance.Tests.Files;

/// <summary>
/// Budget lines from a spreadsheet (issue 11), CSV and XLSX, over gRPC (streamed) and REST: a preview lists
/// each problem with its row and column and writes nothing; the fixed file commits; a retried commit imports once.
/// </summary>
public sealed class BudgetLineImportTests(ServiceFactory<FinanceGrpcService> factory)
    : FileTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private const string Header = "Codice riga;Tipo;Titolo;Missione;Programma;Descrizione;Anno;Fase;Stanziamento\n";

    // Row 3: a mission that does not exist; row 4: a year that is not a number; row 5: a repeated row.
    private const string Bad = Header + """
        s-organi;spesa;1;01;0101;Organi istituzionali;2024;Previsione;€ 1.234,56
        s-ignota;spesa;1;42;;Missione inesistente;2024;Previsione;500,00
        s-scuole;spesa;1;4;04.02;Istruzione;20x4;Previsione;2.000,00
        s-organi;spesa;1;01;0101;Organi istituzionali;2024;Previsione;€ 1.234,56
        """;

    private const string Good = Header + """
        s-organi;spesa;1;01;0101;Organi istituzionali;2024;Previsione;€ 1.234,56
        s-organi;spesa;1;01;0101;Organi istituzionali;2025;Previsione;1.300,00
        s-scuole;spesa;1;4;04.02;Istruzione;2024;Previsione;2.000,00
        e-tributi;entrata;1;;;Entrate tributarie;2024;Previsione;3.234,56
        """;

    private async Task<string> BudgetAsync(string tenant)
    {
        await NewBudgetAsync(tenant, "bilancio-2024", 2024, 2026, 2024, 2025);
        return "budgets/bilancio-2024";
    }

    private async Task<List<BudgetLine>> LinesAsync(string tenant, string parent) =>
        (await Grpc(tenant).ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = parent, PageSize = 100 }, Call())).Lines.ToList();

    private async Task<byte[]> FileAsync(string csv, bool xlsx) => xlsx ? await XlsxAsync(csv) : Csv(csv);

    public static TheoryData<Via, bool> Ways => new() { { Via.Grpc, false }, { Via.Grpc, true }, { Via.Rest, false }, { Via.Rest, true } };

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task A_preview_lists_each_problem_with_its_row_and_column_and_writes_nothing(Via via, bool xlsx)
    {
        var tenant = $"lines-preview-{via}-{xlsx}".ToLowerInvariant();
        var parent = await BudgetAsync(tenant);

        var events = await ImportAsync(via, tenant, "budget-lines", parent, xlsx ? "bilancio.xlsx" : "bilancio.csv",
            await FileAsync(Bad, xlsx), ImportMode.Preview);

        var problems = Problems(events);
        var sheet = xlsx ? "Foglio1" : "";
        Assert.True(problems.Any(p => p.Row == 3 && p.Column == "Missione" && p.Sheet == sheet && p.Message.Contains("42")), Shown(events));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "Anno" && p.Code == "bad_number");
        Assert.Contains(problems, p => p.Row == 5 && p.Code == "duplicate_row");
        Assert.DoesNotContain(problems, p => p.Row == 2);
        Assert.Equal(3, Summary(events).RowsWithProblems);
        Assert.False(Summary(events).Committed);
        Assert.Empty(await LinesAsync(tenant, parent));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task A_missing_required_column_is_named_on_the_header_row(Via via, bool xlsx)
    {
        var tenant = $"lines-columns-{via}-{xlsx}".ToLowerInvariant();
        var parent = await BudgetAsync(tenant);

        var events = await ImportAsync(via, tenant, "budget-lines", parent, xlsx ? "b.xlsx" : "b.csv",
            await FileAsync("Tipo;Titolo;Anno;Fase\nentrata;1;2024;Previsione\n", xlsx), ImportMode.Preview);

        var problem = Assert.Single(Problems(events), p => p.Code == "missing_column");
        Assert.Equal(1, problem.Row);
        Assert.Contains("Stanziamento", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await LinesAsync(tenant, parent));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task The_fixed_file_commits_with_official_codes_and_italian_amounts_read_exactly_and_a_retry_imports_once(Via via, bool xlsx)
    {
        var tenant = $"lines-commit-{via}-{xlsx}".ToLowerInvariant();
        var parent = await BudgetAsync(tenant);
        var file = await FileAsync(Good, xlsx);

        var first = await ImportAsync(via, tenant, "budget-lines", parent, xlsx ? "b.xlsx" : "b.csv", file, ImportMode.Commit, "commit-1");
        var again = await ImportAsync(via, tenant, "budget-lines", parent, xlsx ? "b.xlsx" : "b.csv", file, ImportMode.Commit, "commit-1");

        Assert.True(Summary(first).Committed, Shown(first));
        Assert.Equal(4, Summary(first).WrittenByKind["budget-lines"]);
        Assert.True(Summary(again).Replayed);
        var lines = await LinesAsync(tenant, parent);
        Assert.Equal(["e-tributi", "s-organi", "s-scuole"], lines.Select(l => l.Name.Split('/')[^1]));
        var organi = lines.Single(l => l.Name.EndsWith("/s-organi", StringComparison.Ordinal));
        Assert.Equal(("1", "1.01"), (organi.MissionCode, organi.ProgrammeCode));
        Assert.Equal(["1234.56", "1300.00"], organi.Amounts.Select(a => a.Appropriation));
        Assert.Equal("4.02", lines.Single(l => l.Name.EndsWith("/s-scuole", StringComparison.Ordinal)).ProgrammeCode);
    }

    [Fact]
    public async Task A_titolo_counted_at_two_levels_is_refused_on_the_row_that_adds_the_second_level()
    {
        const string tenant = "lines-granularity";
        var parent = await BudgetAsync(tenant);
        var csv = Header + "s-t1;spesa;1;;;Spese correnti;2024;Previsione;100,00\ns-organi;spesa;1;1;1.01;Organi;2024;Previsione;10,00\n";

        var events = await ImportAsync(Via.Grpc, tenant, "budget-lines", parent, "b.csv", Csv(csv), ImportMode.Commit, "g-1");

        var problem = Assert.Single(Problems(events));
        Assert.Equal(3, problem.Row);
        Assert.Contains("s-t1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("contati due volte", problem.Message, StringComparison.Ordinal);
        Assert.False(Summary(events).Committed);
        Assert.Empty(await LinesAsync(tenant, parent));
    }

    [Fact]
    public async Task Rows_without_a_line_code_are_one_line_per_classification()
    {
        const string tenant = "lines-derived";
        var parent = await BudgetAsync(tenant);
        var csv = "Tipo;Titolo;Tipologia;Anno;Fase;Stanziamento\nentrata;1;101;2024;Previsione;10,00\nentrata;1;101;2025;Previsione;11,00\n";

        var events = await ImportAsync(Via.Rest, tenant, "budget-lines", parent, "b.csv", Csv(csv), ImportMode.Commit, "d-1");

        Assert.True(Summary(events).Committed, Shown(events));
        var line = Assert.Single(await LinesAsync(tenant, parent));
        Assert.Equal($"{parent}/lines/e1-101", line.Name);
        Assert.Equal(2, line.Amounts.Count);
    }
}
