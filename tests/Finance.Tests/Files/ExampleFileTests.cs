using Platform.Imports.V1;

namespace Finance.Tests.Files;

/// <summary>The example files of docs/IMPORT_FORMATS.md import as documented: without a problem, every row written.</summary>
public sealed class ExampleFileTests(ServiceFactory<FinanceGrpcService> factory)
    : FileTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private static byte[] Example(string file) =>
        File.ReadAllBytes(Platform.Launcher.Demo.DemoFiles.Find($"docs/examples/{file}") ?? throw new FileNotFoundException(file));

    [Theory]
    [InlineData("budget-lines", "righe-di-bilancio.csv", 4)]
    [InlineData("debt-schedule", "indebitamento.csv", 2)]
    [InlineData("investments", "investimenti.csv", 2)]
    public async Task Each_example_commits_every_row(string kind, string file, long rows)
    {
        var tenant = $"example-{kind}";
        await NewBudgetAsync(tenant, "bilancio-2023-2025", 2023, 2025, 2023, 2024);
        var parent = kind == "investments" ? "" : "budgets/bilancio-2023-2025";

        var events = await ImportAsync(Via.Rest, tenant, kind, parent, file, Example(file), ImportMode.Commit, "example-1");

        Assert.True(Summary(events).Committed, Shown(events));
        Assert.Equal(rows, Summary(events).WrittenByKind[kind]);
    }

    [Fact]
    public async Task A_debt_file_replaces_the_schedule_and_its_bad_year_is_named()
    {
        const string tenant = "example-debt-bad";
        await NewBudgetAsync(tenant, "bilancio-2023-2025", 2023, 2025, 2023);
        const string csv = "Anno;Residuo debito;Altre variazioni\n2022;1.000,00;-5,00\n2010;1.000,00;\n";

        var events = await ImportAsync(Via.Grpc, tenant, "debt-schedule", "budgets/bilancio-2023-2025", "d.csv", Csv(csv), ImportMode.Preview);

        var problem = Assert.Single(Problems(events));
        Assert.Equal((3, "Anno"), (problem.Row, problem.Column));
        Assert.Contains("2018", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_naming_the_kinds_of_the_service()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () =>
            ImportAsync(Via.Grpc, "example-kind", "objectives", "plans/dup", "o.csv", Csv("Codice\n1\n"), ImportMode.Preview));

        Assert.Equal(["kind"], status.ViolatedFields());
    }
}
