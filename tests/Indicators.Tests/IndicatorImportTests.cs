using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Indicators.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Writing;

namespace Indicators.Tests;

/// <summary>
/// Indicators with their periods from a spreadsheet (issue 11), through gRPC and REST, CSV and XLSX: a preview
/// lists every problem with its row and column and writes nothing; a fixed file commits; a commit retried with
/// its request id imports once; export then import into another ente gives back the same indicators.
/// </summary>
public sealed class IndicatorImportTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private const string Plan = "plans/dup-test";

    internal const string Header =
        "Indicatore;Obiettivi;Titolo;Unità di misura;Tipo;Polarità;Formula;Variabili;Decimali;Confronto soglia;Soglia;"
        + "Note indicatore;Fonte dati;Responsabile;Anno;Target;Consuntivo;Valori variabili;Nota";

    /// <summary>Five indicators, five periods, Italian numbers; one indicator is only defined.</summary>
    private const string Good = Header + """

        verde;1.1;Indice di riqualificazione del verde;%;Impatto;Crescente;;;2;;;"Mq riqualificati / mq totali; dal bilancio ambientale";DUP 2023-2025;Sindaco;2020;12;0,5;;Causa Covid
        verde;;;;;;;;;;;;;;2021;12;1.234,25;;
        rifiuti;1.2;Raccolta differenziata;%;Risultato;Crescente;rd_kg / rsu_kg * 100;"rd_kg; rsu_kg";2;;;;;;2020;80;;"rd_kg=25952148; rsu_kg=35347748";kg da ORSO
        incidenti;2.1;Incidenti stradali ogni mille abitanti;n.;Contesto;Decrescente;;;2;;;;;;2021;2,5;2,02;;
        deficit-p1;;Incidenza spese rigide su entrate correnti;%;Finanziario;;;;2;>;48;;;;2020;;61,41;;
        bio;3;Aumento delle produzioni biologiche (%);%;Impatto;Crescente;;;;;;;;;;;;;
        """;

    /// <summary>Declared PLAIN: the Italian "3,25" is a bad number.</summary>
    private const string Bad = Header + """

        ver de;1.1;Codice con spazio;%;;;;;;;;;;;2020;12;1;;
        verde;1.1;Indice del verde;%;Impatto;;;;;;;;;;2020;12;1;;
        verde;;;;;;;;;;;;;;2021;abc;1;;
        verde;;;;;;;;;;;;;;2021-Z1;12;1;;
        verde;;Altro titolo;;;;;;;;;;;;2022;12;1;;
        verde;;;;;;;;;;;;;;2020;12;1;;
        rifiuti;9.9;Raccolta differenziata;%;;;;;;;;;;;2020;80;70;;
        altro;1.2;Polarità sconosciuta;%;;Sempre meglio;;;;;;;;;2020;80;70;;
        incidenti;2.1;Incidenti stradali;n.;;;;;;;;;;;2021;2.5;3,25;;
        """;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<IReadOnlyList<ImportEvent>> ImportAsync(string tenant, byte[] content, string fileName, ImportMode mode,
        string requestId = "", Platform.Imports.V1.NumberFormat numbers = Platform.Imports.V1.NumberFormat.Unspecified) =>
        ImportCalls.EventsAsync(Grpc(tenant).ImportIndicators(new ImportChunk
        {
            Parent = Plan, Mode = mode, RequestId = requestId, FileName = fileName, NumberFormat = numbers, Content = ByteString.CopyFrom(content),
        }, Call()), Cancellation);

    private async Task<int> CountAsync(string tenant) =>
        (await Grpc(tenant).ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 500 }, Call())).Indicators.Count;

    /// <summary>A CSV's rows as an XLSX with text cells, as a clerk's sheet would hold them.</summary>
    private async Task<byte[]> XlsxAsync(string csv)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(new StringReader(csv), new Sylvan.Data.Csv.CsvDataReaderOptions { Delimiter = ';' });
        var schema = new Platform.Spreadsheets.Schema.TableSchema(Enumerable.Range(0, reader.FieldCount)
            .Select(i => IndicatorColumns.Schema.Columns[IndicatorColumns.Schema.ColumnForHeader(reader.GetName(i))!.Value] with { Kind = Platform.Spreadsheets.Schema.ColumnKind.Text })
            .ToList());
        var rows = new List<IReadOnlyList<object?>>();
        while (await reader.ReadAsync(Cancellation))
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) is { Length: > 0 } cell ? cell : null).ToList());
        var xlsx = new MemoryStream();
        await TableExport.WriteAsync(xlsx, SpreadsheetFormat.Xlsx, schema, rows.ToAsyncEnumerable(), cancellationToken: Cancellation);
        return xlsx.ToArray();
    }

    private static void AssertBadFileProblems(IReadOnlyList<ImportEvent> events)
    {
        var problems = events.Where(e => e.Problem is not null).Select(e => e.Problem).ToList();
        var described = ImportCalls.Describe(events);
        Assert.Contains(problems, p => p is { Row: 2, Column: "Indicatore", Code: "bad_code" });
        Assert.True(problems.Any(p => p is { Row: 4, Column: "Target", Code: "bad_number" }), described);
        Assert.True(problems.Any(p => p is { Row: 5, Column: "Anno" } && p.Message.Contains("2021-Z1", StringComparison.Ordinal)), described);
        Assert.True(problems.Any(p => p is { Row: 6, Column: "Titolo" } && p.Message.Contains("prima riga", StringComparison.Ordinal)), described);
        Assert.True(problems.Any(p => p is { Row: 7, Code: "duplicate_row" }), described);
        Assert.True(problems.Any(p => p is { Row: 8, Column: "Obiettivi" } && p.Message.Contains("9.9", StringComparison.Ordinal)), described);
        Assert.True(problems.Any(p => p is { Row: 9, Column: "Polarità" } && p.Message.Contains("Crescente", StringComparison.Ordinal)), described);
        Assert.True(problems.Any(p => p is { Row: 10, Column: "Consuntivo", Code: "bad_number" }), described);
        Assert.Equal(8, problems.Count);
        Assert.False(events[^1].Summary.Committed);
    }

    [Fact]
    public async Task A_csv_preview_lists_each_problem_with_its_row_and_column_and_writes_nothing()
    {
        var events = await ImportAsync("ind-import-csv", Utf8(Bad), "indicatori.csv", ImportMode.Preview, numbers: Platform.Imports.V1.NumberFormat.Plain);

        AssertBadFileProblems(events);
        Assert.Equal(9, events[^1].Summary.RowsRead);
        Assert.Equal(0, await CountAsync("ind-import-csv"));
    }

    [Fact]
    public async Task An_xlsx_preview_lists_the_same_problems_and_a_commit_of_it_writes_nothing()
    {
        var xlsx = await XlsxAsync(Bad);

        AssertBadFileProblems(await ImportAsync("ind-import-xlsx", xlsx, "indicatori.xlsx", ImportMode.Preview, numbers: Platform.Imports.V1.NumberFormat.Plain));
        AssertBadFileProblems(await ImportAsync("ind-import-xlsx", xlsx, "indicatori.xlsx", ImportMode.Commit, "xlsx-bad", Platform.Imports.V1.NumberFormat.Plain));
        Assert.Equal(0, await CountAsync("ind-import-xlsx"));

        var fixedFile = await ImportAsync("ind-import-xlsx", await XlsxAsync(Good), "indicatori.xlsx", ImportMode.Commit, "xlsx-good");
        Assert.True(fixedFile[^1].Summary.Committed, ImportCalls.Describe(fixedFile));
        Assert.Equal(5, await CountAsync("ind-import-xlsx"));
    }

    [Fact]
    public async Task A_missing_required_column_is_a_problem_of_the_header()
    {
        var events = await ImportAsync("ind-import-columns", Utf8("Titolo;Anno\nVerde;2020\n"), "indicatori.csv", ImportMode.Preview);

        var problem = Assert.Single(events, e => e.Problem?.Code == "missing_column").Problem;
        Assert.Equal(1, problem.Row);
        Assert.Contains("Indicatore", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_file_commits_definitions_and_periods_with_the_api_rules()
    {
        const string tenant = "ind-import-commit";
        var events = await ImportAsync(tenant, Utf8(Good), "indicatori.csv", ImportMode.Commit, "commit-1");

        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
        Assert.Equal(6, events[^1].Summary.WrittenByKind["indicators"]);
        var verde = await Grpc(tenant).GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/verde" }, Call());
        Assert.Equal(("Indice di riqualificazione del verde", Indicator.Types.Kind.Impact, "Sindaco"), (verde.Title, verde.Kind, verde.Owner));
        Assert.Equal("Mq riqualificati / mq totali; dal bilancio ambientale", verde.Notes);
        Assert.Equal([$"{Plan}/objectives/1.1"], verde.Objectives);
        var periods = (await Grpc(tenant).ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/verde" }, Call())).Periods;
        Assert.Equal([("12.00", "0.50", "Causa Covid"), ("12.00", "1234.25", "")], periods.Select(p => (p.Target, p.Actual, p.Note)));

        var waste = await Grpc(tenant).GetPeriodAsync(new GetPeriodRequest { Name = "indicators/rifiuti/periods/2020" }, Call());
        Assert.Equal(("73.42", true), (waste.Actual, waste.ActualComputed));
        var deficit = await Grpc(tenant).GetPeriodAsync(new GetPeriodRequest { Name = "indicators/deficit-p1/periods/2020" }, Call());
        Assert.True(deficit.ThresholdBreached);
        var accidents = await Grpc(tenant).GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/incidenti" }, Call());
        Assert.Equal(Indicator.Types.Polarity.LowerIsBetter, accidents.Polarity);
        Assert.Empty((await Grpc(tenant).ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/bio" }, Call())).Periods);
    }

    [Fact]
    public async Task A_commit_retried_with_its_request_id_imports_once()
    {
        const string tenant = "ind-import-retry";
        await ImportAsync(tenant, Utf8(Good), "indicatori.csv", ImportMode.Commit, "retry-1");

        var again = await ImportAsync(tenant, Utf8(Good), "indicatori.csv", ImportMode.Commit, "retry-1");

        Assert.True(again[^1].Summary.Replayed);
        Assert.DoesNotContain(again, e => e.Problem is not null);
        Assert.Equal(5, await CountAsync(tenant));
        var periods = (await Grpc(tenant).ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/verde" }, Call())).Periods;
        Assert.Equal(2, periods.Count);
    }

    [Fact]
    public async Task An_existing_indicator_is_a_problem_of_its_first_row_and_its_later_rows_say_so()
    {
        const string tenant = "ind-import-exists";
        await ImportAsync(tenant, Utf8(Good), "indicatori.csv", ImportMode.Commit, "exists-1");

        var events = await ImportAsync(tenant, Utf8(Good), "indicatori.csv", ImportMode.Preview);

        var problems = events.Where(e => e.Problem is not null).Select(e => e.Problem).ToList();
        Assert.Contains(problems, p => p is { Row: 2, Code: "already_exists" } && p.Message.Contains("indicators/verde", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Row: 3, Column: "Indicatore" } && p.Message.Contains("riga (2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_preview_and_commit_answer_like_grpc()
    {
        const string tenant = "ind-import-rest";
        string Body(string mode, string csv, string requestId = "") => JsonSerializer.Serialize(new
        {
            parent = Plan, mode, requestId, fileName = "indicatori.csv", numberFormat = "PLAIN", content = Convert.ToBase64String(Utf8(csv)),
        });

        var preview = await Rest(tenant).PostJsonAsync("/v1/indicators:import", Body("PREVIEW", Bad), Cancellation);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var events = ImportCalls.RestEvents(await preview.Content.ReadAsStringAsync(Cancellation));
        Assert.Contains(events, e => e.TryGetProperty("problem", out var p) && p.GetProperty("row").GetInt32() == 4 && p.GetProperty("column").GetString() == "Target");
        Assert.Equal(0, await CountAsync(tenant));

        var plainGood = Good.Replace("0,5", "0.5").Replace("1.234,25", "1234.25").Replace("2,5", "2.5").Replace("2,02", "2.02").Replace("61,41", "61.41");
        foreach (var _ in new[] { 1, 2 })
        {
            var commit = await Rest(tenant).PostJsonAsync("/v1/indicators:import", Body("COMMIT", plainGood, "rest-1"), Cancellation);
            var summary = ImportCalls.RestEvents(await commit.Content.ReadAsStringAsync(Cancellation))[^1].GetProperty("summary");
            Assert.True(summary.GetProperty("committed").GetBoolean(), summary.ToString());
        }
        Assert.Equal(5, await CountAsync(tenant));
    }

    [Fact]
    public async Task A_streamed_upload_imports_like_one_message_and_an_unknown_kind_is_refused()
    {
        const string tenant = "ind-import-stream";
        var header = new ImportChunk { Parent = Plan, Kind = "indicators", Mode = ImportMode.Commit, RequestId = "stream-1", FileName = "indicatori.csv" };

        var events = await ImportCalls.StreamAsync(Grpc(tenant).ImportFile(Call()), header, Utf8(Good), chunkSize: 64, Cancellation);

        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
        Assert.Equal(5, await CountAsync(tenant));
        header.Kind = "budget-lines";
        var error = await Assert.ThrowsAsync<RpcException>(() => ImportCalls.StreamAsync(Grpc(tenant).ImportFile(Call()), header, Utf8(Good), 64, Cancellation));
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "kind" && v.Description.Contains("indicators"));
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ImportCalls.EventsAsync(Grpc("ind-import-plan").ImportIndicators(new ImportChunk
        {
            Parent = "plans/missing", Mode = ImportMode.Preview, FileName = "indicatori.csv", Content = ByteString.CopyFrom(Utf8(Good)),
        }, Call()), Cancellation));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
