using Google.Protobuf;
using Platform.Imports.V1;

namespace Objectives.Tests;

/// <summary>
/// Issue 11's acceptance for both of the service's kinds, in CSV and XLSX, through gRPC and REST: a file with a
/// bad code, a number in the wrong format, a bad date (and a bad report period), a missing required column and a
/// duplicate row lists each with its row and column and writes nothing; fixed, it commits; committed twice with
/// one request id, it is imported once.
/// </summary>
public sealed class ImportAcceptanceTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "import-acceptance";

    // The objectives file states PLAIN numbers, so the Italian "1.250.000,50" is a bad number; "Livello" is
    // there, "Titolo" (required) is not.
    private static readonly string?[][] BadObjectives =
    [
        ["Codice", "Livello", "Costo stimato", "Azioni 2023"],
        ["1", null, "1250000.50", "Avvio"],
        ["1 2", null, null, null],
        ["2", null, "1.250.000,50", null],
        ["1", null, null, null],
    ];

    private static readonly string?[][] GoodObjectives =
    [
        ["Codice", "Titolo", "Codice padre", "Costo stimato", "Azioni 2023"],
        ["1", "Cremona città che cura", null, "1250000.50", "Avvio"],
        ["1.2", "Servizi vicini", "1", null, null],
        ["2", "Cremona città che lavora", null, "1250000", null],
    ];

    // "Stato" (required) is missing; the period 2022-13 is no month; June has no 31st.
    private static readonly string?[][] BadReports =
    [
        ["Codice obiettivo", "Periodo", "Stato di attuazione", "Data di rilevazione"],
        ["1", "2022-H1", "Avviato", "31/06/2022"],
        ["1 2", "2022-H1", "Codice con spazio", null],
        ["2", "2022-13", "Mese inesistente", null],
        ["1", "2022-H1", "Ripetuto", "31/06/2022"],
    ];

    // Dates in the Italian and the ISO form (both unambiguous).
    private static readonly string?[][] GoodReports =
    [
        ["Codice obiettivo", "Periodo", "Stato", "Stato di attuazione", "Azioni correttive", "Data di rilevazione"],
        ["1", "2022-H1", "In linea", "Avviato", null, "30/06/2022"],
        ["1.2", "2022", "In ritardo", "Gara deserta", "Nuova gara", "2022-12-31"],
        ["2", "2022-H1", "DONE", "Concluso", null, null],
    ];

    public static TheoryData<string, FileFormat, bool> Cases()
    {
        var cases = new TheoryData<string, FileFormat, bool>();
        foreach (var kind in new[] { "objectives", "progress-reports" })
            foreach (var format in new[] { FileFormat.Csv, FileFormat.Xlsx })
                foreach (var rest in new[] { false, true })
                    cases.Add(kind, format, rest);
        return cases;
    }

    private ObjectiveFileCalls Calls => new(Grpc(Tenant), Rest(Tenant), Cancellation);

    private async Task<string> PlanAsync(string test, string kind, FileFormat format, bool rest)
    {
        var id = $"{test}-{(kind == "objectives" ? "obj" : "rep")}-{format.ToString().ToLowerInvariant()}-{(rest ? "rest" : "grpc")}";
        var plan = (await Grpc(Tenant).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = id,
            Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
        }, Call())).Name;
        if (kind != "objectives")
        {
            var objectives = await Calls.ImportAsync(false, await Chunk(plan, "objectives", FileFormat.Csv, GoodObjectives, ImportMode.Commit, "objectives-" + id));
            Assert.True(objectives[^1].Summary.Committed, ImportCalls.Describe(objectives));
        }
        return plan;
    }

    private static async Task<ImportChunk> Chunk(string plan, string kind, FileFormat format, string?[][] table, ImportMode mode, string requestId = "") => new()
    {
        Parent = plan, Kind = kind, Mode = mode, RequestId = requestId, Format = format,
        NumberFormat = kind == "objectives" ? NumberFormat.Plain : NumberFormat.Unspecified,
        FileName = format == FileFormat.Csv ? "file.csv" : "file.xlsx",
        Content = ByteString.CopyFrom(await TypedFile.BytesAsync(format, table)),
    };

    private async Task<int> CountAsync(string kind, string plan)
    {
        if (kind == "objectives") return (await Grpc(Tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan }, Call())).ObjectiveCount;
        var count = 0;
        foreach (var code in new[] { "1", "1.2", "2" })
            count += (await Grpc(Tenant).ListProgressReportsAsync(new ListProgressReportsRequest { Parent = $"{plan}/objectives/{code}" }, Call())).Reports.Count;
        return count;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_file_lists_each_problem_with_its_row_and_column_and_writes_nothing(string kind, FileFormat format, bool rest)
    {
        var plan = await PlanAsync("bad", kind, format, rest);
        var before = await CountAsync(kind, plan);

        var events = await Calls.ImportAsync(rest, await Chunk(plan, kind, format, kind == "objectives" ? BadObjectives : BadReports, ImportMode.Commit, "bad-" + plan));

        var problems = events.Where(e => e.Problem is not null).Select(e => (e.Problem.Code, e.Problem.Row, e.Problem.Column)).ToList();
        var code = kind == "objectives" ? "Codice" : "Codice obiettivo";
        Assert.Contains(("missing_column", 1, kind == "objectives" ? "Titolo" : "Stato"), problems);
        Assert.Contains(("bad_code", 3, code), problems);
        Assert.Contains(kind == "objectives" ? ("bad_number", 4, "Costo stimato") : ("invalid_value", 4, "Periodo"), problems);
        if (kind != "objectives") Assert.Contains(("bad_date", 2, "Data di rilevazione"), problems);
        Assert.Contains(("duplicate_row", 5, code), problems);
        Assert.False(events[^1].Summary.Committed);
        Assert.Equal(before, await CountAsync(kind, plan));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_fixed_file_commits_and_a_retried_commit_imports_it_once(string kind, FileFormat format, bool rest)
    {
        var plan = await PlanAsync("good", kind, format, rest);
        var before = await CountAsync(kind, plan);
        var chunk = await Chunk(plan, kind, format, kind == "objectives" ? GoodObjectives : GoodReports, ImportMode.Commit, "good-" + plan);

        var first = await Calls.ImportAsync(rest, chunk);
        var again = await Calls.ImportAsync(rest, chunk);

        Assert.True(first[^1].Summary.Committed, ImportCalls.Describe(first));
        Assert.Equal(3, first[^1].Summary.WrittenByKind[kind]);
        Assert.True(again[^1].Summary.Replayed);
        Assert.Equal(before + 3, await CountAsync(kind, plan));
        if (kind != "objectives")
        {
            var reports = await Grpc(Tenant).ListProgressReportsAsync(new ListProgressReportsRequest { Parent = $"{plan}/objectives/1" }, Call());
            Assert.Equal("2022-06-30", Assert.Single(reports.Reports).AsOfDate);
        }
    }
}
