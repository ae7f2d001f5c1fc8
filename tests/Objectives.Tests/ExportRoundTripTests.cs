using Google.Protobuf;
using Platform.Imports.V1;

namespace Objectives.Tests;

/// <summary>
/// Export then import into a fresh ente gives back the same objectives and progress reports, field by field, in
/// CSV and XLSX, through gRPC and REST.
/// </summary>
public sealed class ExportRoundTripTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Source = "round-trip-source";
    private const string PlanName = "plans/round-trip";

    private static readonly string?[][] Objectives =
    [
        ["Codice", "Titolo", "Codice padre", "Descrizione", "Responsabile politico", "Responsabile gestionale", "Settore", "Settori coinvolti",
            "Enti GAP", "Stakeholder", "Missione", "Programma", "SDG", "5P", "Etichette", "Promotori", "Costo stimato", "Fonti di finanziamento",
            "Stato del progetto", "Azioni 2023", "Azioni 2024", "Campo fonte", "Campo Tavolo"],
        ["1", "Cremona città che cura", null, "Prima riga\nseconda riga; con \"virgolette\"", "Sindaco", null, null, null, null, null,
            "12", null, "3; 10", "Persone; Pace", null, null, null, null, null, null, null, "Linee di mandato", null],
        ["1.1", "Sportello unico", "1", "=non una formula", "Assessore al welfare; Sindaco", "Rossi Anna", "Settore Welfare", "Settore Casa; Settore Scuola",
            "AEM Cremona SpA", "Famiglie", "12", "12.02", "1", "PEOPLE", "modificato", "Comune di Cremona", "1250000,5", "Regione Lombardia; Fondazione",
            "in corso", "Avvio", "Estensione", "DUP p. 12", "Tavolo 2"],
    ];

    private static readonly string?[][] Reports =
    [
        ["Codice obiettivo", "Periodo", "Stato", "Stato di attuazione", "Azioni correttive", "Autore"],
        ["1.1", "2022-H1", "In linea", "<p>Avviato</p>", null, "Ufficio controllo"],
        ["1.1", "2022", "A rischio", "Gara deserta", "Nuova gara", null],
        ["1", "2022-H1", "Completato", "Fatto", null, null],
    ];

    public static TheoryData<FileFormat, bool> Cases() => new() { { FileFormat.Csv, false }, { FileFormat.Csv, true }, { FileFormat.Xlsx, false }, { FileFormat.Xlsx, true } };

    private ObjectiveFileCalls Calls(string tenant) => new(Grpc(tenant), Rest(tenant), Cancellation);

    private async Task CreatePlanAsync(string tenant) => await Grpc(tenant).CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = "round-trip",
        Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
    }, Call());

    private async Task ImportAsync(string tenant, bool rest, string kind, FileFormat format, byte[] file)
    {
        var events = await Calls(tenant).ImportAsync(rest, new ImportChunk
        {
            Parent = PlanName, Kind = kind, Mode = ImportMode.Commit, RequestId = $"{tenant}-{kind}", Format = format, Content = ByteString.CopyFrom(file),
        });
        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
    }

    private async Task EnsureSourceAsync()
    {
        try { await CreatePlanAsync(Source); }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { return; }
        await ImportAsync(Source, false, "objectives", FileFormat.Csv, await TypedFile.BytesAsync(FileFormat.Csv, Objectives));
        await ImportAsync(Source, false, "progress-reports", FileFormat.Csv, await TypedFile.BytesAsync(FileFormat.Csv, Reports));
    }

    /// <summary>Objectives as they read, without what the service stamps on them (etag, times, users).</summary>
    private async Task<List<Objective>> ObjectivesAsync(string tenant) =>
        (await Grpc(tenant).ListObjectivesAsync(new ListObjectivesRequest { Parent = PlanName }, Call())).Objectives.Select(o =>
        {
            var copy = o.Clone();
            copy.Etag = copy.CreateUser = copy.UpdateUser = "";
            copy.CreateTime = copy.UpdateTime = null;
            return copy;
        }).ToList();

    private async Task<List<ProgressReport>> ReportsAsync(string tenant)
    {
        var reports = new List<ProgressReport>();
        foreach (var code in new[] { "1", "1.1" })
            reports.AddRange((await Grpc(tenant).ListProgressReportsAsync(new ListProgressReportsRequest { Parent = $"{PlanName}/objectives/{code}" }, Call()))
                .Reports.Select(r => { var copy = r.Clone(); copy.CreateTime = null; copy.CreateUser = ""; return copy; }));
        return reports;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Export_then_import_into_a_fresh_ente_gives_back_every_field(FileFormat format, bool rest)
    {
        await EnsureSourceAsync();
        var target = $"round-trip-{format.ToString().ToLowerInvariant()}-{(rest ? "rest" : "grpc")}";
        await CreatePlanAsync(target);

        foreach (var kind in new[] { "objectives", "progress-reports" })
            await ImportAsync(target, rest, kind, format, await Calls(Source).ExportAsync(rest, kind, PlanName, format));

        var expected = await ObjectivesAsync(Source);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, await ObjectivesAsync(target));
        var reports = await ReportsAsync(Source);
        Assert.Equal(3, reports.Count);
        Assert.Equal(reports, await ReportsAsync(target));
    }

    [Fact]
    public async Task An_export_lists_each_parent_before_its_children_when_a_code_sorts_before_its_parent()
    {
        var plan = new CreatePlanRequest
        {
            PlanId = "codici-liberi",
            Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" }, FreeChildCodes = true },
        };
        await Grpc("free-codes-source").CreatePlanAsync(plan, Call());
        foreach (var (code, parent) in new[] { ("1", ""), ("2", ""), ("1.5", "2") })
            await Grpc("free-codes-source").CreateObjectiveAsync(new CreateObjectiveRequest
            {
                Parent = "plans/codici-liberi", ObjectiveId = code,
                Objective = new Objective { Title = $"Obiettivo {code}", Parent = parent.Length == 0 ? "" : $"plans/codici-liberi/objectives/{parent}" },
            }, Call());

        var file = await Grpc("free-codes-source").ExportObjectivesAsync(new ExportRequest { Parent = "plans/codici-liberi" }, Call());
        await Grpc("free-codes-copy").CreatePlanAsync(plan, Call());
        var events = await Calls("free-codes-copy").ImportAsync(false, new ImportChunk
        {
            Parent = "plans/codici-liberi", Kind = "objectives", Mode = ImportMode.Commit, RequestId = "free-codes", FileName = "obiettivi.csv", Content = file.Data,
        });

        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
        var copy = await Grpc("free-codes-copy").GetObjectiveAsync(new GetObjectiveRequest { Name = "plans/codici-liberi/objectives/1.5" }, Call());
        Assert.Equal("plans/codici-liberi/objectives/2", copy.Parent);
    }

    [Fact]
    public async Task An_export_names_report_states_with_the_words_of_the_pages_and_documents()
    {
        await EnsureSourceAsync();

        var csv = System.Text.Encoding.UTF8.GetString(await Calls(Source).ExportAsync(false, "progress-reports", PlanName, FileFormat.Csv));

        Assert.Contains(";Concluso;", csv); // imported as "Completato"
        Assert.Contains(";In linea;", csv);
        Assert.DoesNotContain("Completato", csv);
    }

    [Fact]
    public async Task An_export_has_a_column_per_year_of_action_and_per_custom_field()
    {
        await EnsureSourceAsync();

        var csv = System.Text.Encoding.UTF8.GetString(await Calls(Source).ExportAsync(true, "objectives", PlanName, FileFormat.Csv)).TrimStart('\uFEFF');

        Assert.EndsWith(";Stato del progetto;Azioni 2023;Azioni 2024;Campo Tavolo;Campo fonte", csv[..csv.IndexOf('\r')], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_ente_cannot_export_the_plan_and_a_wrong_kind_is_refused_on_its_field()
    {
        await EnsureSourceAsync();

        var stranger = await Assert.ThrowsAsync<RpcException>(() => Grpc("round-trip-stranger").ExportObjectivesAsync(
            new ExportRequest { Parent = PlanName }, Call()).ResponseAsync);
        var wrongKind = await Assert.ThrowsAsync<RpcException>(() => Grpc(Source).ExportProgressReportsAsync(
            new ExportRequest { Parent = PlanName, Kind = "objectives" }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, wrongKind.StatusCode);
        Assert.Contains(wrongKind.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "kind");
    }
}
