using Google.Protobuf;
using Platform.Imports.V1;

namespace Objectives.Tests;

/// <summary>
/// Objectives from a spreadsheet (issue 11): CreateObjective's own rules reported per cell, every field of the
/// card read from its column. (The acceptance cases of both kinds, in CSV and XLSX, over gRPC and REST, are in
/// <see cref="ImportAcceptanceTests"/>.)
/// </summary>
public sealed class ObjectiveImportTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "objective-import";

    private const string Good = """
        Codice;Titolo;Codice padre;Livello;Responsabile politico;Missione;Programma;SDG
        1;Cremona città che cura;;;Sindaco;;;
        1.1;Servizi sociali vicini;1;;Assessore al welfare;12;1202;1;10
        1.1.1;Sportello unico per l'assistenza;1.1;;Assessore al welfare;12;12.02;3
        """;

    private const string Bad = """
        Codice;Titolo;Codice padre;Livello;Responsabile politico;Missione;Programma;SDG
        1;Cremona città che cura;;;Sindaco;;;
        1 2;Codice con spazio;;;;;;
        1.1;Servizi sociali vicini;9;;;;;
        1.2;Programma inesistente;1;;;12;1299;
        1.3;Obiettivo SDG sbagliato;1;;;;;30
        1;Cremona città che cura;;;Sindaco;;;
        """;

    private async Task<string> PlanAsync(string id)
    {
        var plan = await Grpc(Tenant).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = id,
            Plan = new Plan
            {
                Title = "DUP 2023-2025", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025,
                Levels = { "Linea di mandato", "Obiettivo strategico", "Obiettivo operativo" },
            },
        }, Call());
        return plan.Name;
    }

    private async Task<IReadOnlyList<ImportEvent>> ImportAsync(string plan, string csv, ImportMode mode, string requestId = "")
    {
        using var call = Grpc(Tenant).ImportObjectives(new ImportChunk
        {
            Parent = plan, Mode = mode, RequestId = requestId, FileName = "obiettivi.csv", Content = ByteString.CopyFromUtf8(csv),
        }, Call());
        var events = new List<ImportEvent>();
        await foreach (var e in call.ResponseStream.ReadAllAsync(Cancellation)) events.Add(e);
        return events;
    }

    private async Task<int> CountAsync(string plan) =>
        (await Grpc(Tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan }, Call())).ObjectiveCount;

    [Fact]
    public async Task A_preview_lists_each_problem_with_its_row_and_column_and_writes_nothing()
    {
        var plan = await PlanAsync("import-preview");

        var events = await ImportAsync(plan, Bad, ImportMode.Preview);

        var problems = events.Where(e => e.Problem is not null).Select(e => e.Problem).ToList();
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "Codice" && p.Code == "bad_code");
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "Codice padre");
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "Programma");
        Assert.Contains(problems, p => p.Row == 6 && p.Column == "SDG");
        Assert.Contains(problems, p => p.Row == 7 && p.Code == "duplicate_row");
        var summary = events[^1].Summary;
        Assert.False(summary.Committed);
        Assert.Equal(6, summary.RowsRead);
        Assert.Equal(0, await CountAsync(plan));
    }

    [Fact]
    public async Task A_clean_file_commits_every_row_with_its_parent_level_and_codes()
    {
        var plan = await PlanAsync("import-commit");

        var events = await ImportAsync(plan, Good, ImportMode.Commit, "commit-1");

        Assert.DoesNotContain(events, e => e.Problem is not null);
        Assert.True(events[^1].Summary.Committed);
        Assert.Equal(3, events[^1].Summary.WrittenByKind["objectives"]);
        var leaf = await Grpc(Tenant).GetObjectiveAsync(new GetObjectiveRequest { Name = $"{plan}/objectives/1.1.1" }, Call());
        Assert.Equal($"{plan}/objectives/1.1", leaf.Parent);
        Assert.Equal("Obiettivo operativo", leaf.Level);
        Assert.Equal(["12.02"], leaf.ProgrammeCodes);
        Assert.Equal("Sportello unico per l'assistenza", leaf.Title);
    }

    [Fact]
    public async Task Every_field_the_api_takes_imports_from_its_column()
    {
        var plan = await PlanAsync("import-every-field");
        const string csv = """
            Codice;Titolo;Descrizione;Responsabile gestionale;Settore;Settori coinvolti;Enti GAP;Stakeholder;5P;Etichette;Promotori;Costo stimato;Fonti di finanziamento;Stato del progetto;Azioni 2023;Azioni 2024;Campo fonte;Campo Tavolo
            1;Cremona città che cura;"Prima riga
            seconda riga";Rossi Anna;Settore Welfare;"Settore Casa; Settore Scuola";AEM Cremona SpA;Famiglie;"Persone; PLANET";modificato;Comune di Cremona;€ 1.250.000,5;Regione Lombardia;in corso;Avvio dello sportello;Estensione ai quartieri;DUP p. 12;Tavolo 2
            """;

        var events = await ImportAsync(plan, csv, ImportMode.Commit, "every-field-1");

        Assert.True(events[^1].Summary.Committed, string.Join("; ", events.Where(e => e.Problem is not null).Select(e => $"{e.Problem.Column}: {e.Problem.Message}")));
        var card = await Grpc(Tenant).GetObjectiveAsync(new GetObjectiveRequest { Name = $"{plan}/objectives/1" }, Call());
        Assert.Equal("Prima riga\nseconda riga", card.Description.ReplaceLineEndings("\n"));
        Assert.Equal(("Rossi Anna", "Settore Welfare"), (card.Manager, card.LeadSector));
        Assert.Equal(["Settore Casa", "Settore Scuola"], card.InvolvedSectors);
        Assert.Equal(["AEM Cremona SpA"], card.Partners);
        Assert.Equal(["Famiglie"], card.Stakeholders);
        Assert.Equal(["PEOPLE", "PLANET"], card.FivePs);
        Assert.Equal(["modificato"], card.Tags);
        Assert.Equal(["Comune di Cremona"], card.Promoters);
        Assert.Equal("1250000.50", card.EstimatedCost);
        Assert.Equal(["Regione Lombardia"], card.FundingSources);
        Assert.Equal("in corso", card.ProjectState);
        Assert.Equal(new Dictionary<int, string> { [2023] = "Avvio dello sportello", [2024] = "Estensione ai quartieri" }, card.YearlyActions.ToDictionary());
        Assert.Equal(new Dictionary<string, string> { ["fonte"] = "DUP p. 12", ["Tavolo"] = "Tavolo 2" }, card.CustomFields.ToDictionary());
    }

    [Fact]
    public async Task An_action_column_that_names_no_year_and_an_unknown_five_p_are_problems_of_their_row()
    {
        var plan = await PlanAsync("import-bad-families");

        var events = await ImportAsync(plan, "Codice;Titolo;Azioni prossime;5P\n1;Uno;testo;\n2;Due;;Felicità\n", ImportMode.Preview);

        var problems = events.Where(e => e.Problem is not null).Select(e => e.Problem).ToList();
        Assert.Contains(problems, p => p.Row == 2 && p.Message.Contains("Azioni prossime", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "5P");
    }

    [Fact]
    public async Task The_documented_example_files_import_without_a_problem()
    {
        var plan = await PlanAsync("import-examples");
        var calls = new ObjectiveFileCalls(Grpc(Tenant), Rest(Tenant), Cancellation);

        foreach (var (kind, file) in new[] { ("objectives", "obiettivi.csv"), ("progress-reports", "stati-di-attuazione.csv") })
        {
            var path = Platform.Launcher.Demo.DemoFiles.Find($"docs/examples/{file}", AppContext.BaseDirectory)!;
            var events = await calls.ImportAsync(false, new ImportChunk
            {
                Parent = plan, Kind = kind, Mode = ImportMode.Commit, RequestId = $"examples-{kind}", FileName = file,
                Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(path, Cancellation)),
            });
            Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
        }
        var card = await Grpc(Tenant).GetObjectiveAsync(new GetObjectiveRequest { Name = $"{plan}/objectives/1.1.1" }, Call());
        Assert.Equal(("LATE", "2022"), (card.LatestState, card.LatestPeriod));
    }
}
