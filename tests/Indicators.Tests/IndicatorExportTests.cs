using System.Net;
using Google.Protobuf;
using Platform.Imports.V1;

namespace Indicators.Tests;

/// <summary>
/// Export then import into another ente gives back the same indicators and periods, field by field, through
/// gRPC (CSV) and REST (XLSX).
/// </summary>
public sealed class IndicatorExportTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private const string Plan = "plans/dup-test";

    private static readonly string[] Columns =
    [
        "Indicatore", "Obiettivi", "Titolo", "Descrizione", "Unità di misura", "Tipo", "Polarità", "Formula", "Variabili",
        "Valore di partenza", "Anno di partenza", "Metodo di raggiungimento", "Decimali", "Peso", "Aggregazione",
        "Confronto soglia", "Soglia", "Note indicatore", "Fonte dati", "Responsabile", "Anno", "Target", "Target massimo",
        "Consuntivo", "Valori variabili", "Nota", "Evidenza", "Raggiungimento", "Esito stampato",
    ];

    private static string Line(params (string Column, string Value)[] cells) => string.Join(";", Columns.Select(column =>
        cells.FirstOrDefault(c => c.Column == column).Value is { } value ? value.Contains(';') ? $"\"{value}\"" : value : ""));

    /// <summary>Every column used: ranges, half-years, a formula, a baseline, a threshold, links to two objectives, printed values.</summary>
    private static readonly string Source = string.Join("\n",
        string.Join(";", Columns),
        Line(("Indicatore", "verde"), ("Obiettivi", "1.1; 1.2"), ("Titolo", "Indice del verde"), ("Descrizione", "Mq riqualificati / mq totali * 100"),
            ("Unità di misura", "%"), ("Tipo", "Impatto"), ("Polarità", "Crescente"), ("Valore di partenza", "5"), ("Anno di partenza", "2019"),
            ("Metodo di raggiungimento", "Lineare dal valore di partenza"), ("Decimali", "1"), ("Peso", "2"), ("Aggregazione", "Media"),
            ("Note indicatore", "Nota lunga; con punto e virgola"), ("Fonte dati", "Bilancio ambientale"), ("Responsabile", "Sindaco"),
            ("Anno", "2020-H1"), ("Target", "12"), ("Consuntivo", "3,5"), ("Nota", "primo semestre"), ("Evidenza", "https://example.org/verde")),
        Line(("Indicatore", "verde"), ("Anno", "2020-H2"), ("Target", "12"), ("Consuntivo", "4,5")),
        Line(("Indicatore", "verde"), ("Anno", "2021"), ("Target", "12"), ("Consuntivo", "0,5"), ("Nota", "Causa Covid"), ("Raggiungimento", "4,17")),
        Line(("Indicatore", "rifiuti"), ("Obiettivi", "1.2"), ("Titolo", "Raccolta differenziata"), ("Unità di misura", "%"), ("Tipo", "Risultato"),
            ("Formula", "rd_kg / rsu_kg * 100"), ("Variabili", "rd_kg; rsu_kg"), ("Metodo di raggiungimento", "Percentuale DUP"),
            ("Anno", "2020"), ("Target", "80"), ("Valori variabili", "rd_kg=25952148; rsu_kg=35347748"), ("Nota", "kg"), ("Raggiungimento", "91,78")),
        Line(("Indicatore", "fascia"), ("Obiettivi", "2.1"), ("Titolo", "Tempo medio di risposta"), ("Unità di misura", "giorni"), ("Tipo", "Prodotto"),
            ("Polarità", "Intervallo"), ("Metodo di raggiungimento", "Percentuale senza limite"), ("Decimali", "0"), ("Aggregazione", "Somma"),
            ("Anno", "2021"), ("Target", "10"), ("Target massimo", "20"), ("Consuntivo", "15")),
        Line(("Indicatore", "deficit-p1"), ("Obiettivi", "2"), ("Titolo", "Incidenza spese rigide"), ("Unità di misura", "%"), ("Tipo", "Finanziario"),
            ("Polarità", "Decrescente"), ("Confronto soglia", ">"), ("Soglia", "48"), ("Fonte dati", "DUP 1.2.2"), ("Anno", "2020"), ("Consuntivo", "61,41"),
            ("Esito stampato", "NO")),
        Line(("Indicatore", "bio"), ("Obiettivi", "3"), ("Titolo", "Aumento delle produzioni biologiche"), ("Tipo", "Impatto")));

    private async Task ImportAsync(string tenant, byte[] content, string fileName)
    {
        var events = await ImportCalls.EventsAsync(Grpc(tenant).ImportIndicators(new ImportChunk
        {
            Parent = Plan, Mode = ImportMode.Commit, RequestId = Guid.NewGuid().ToString(), FileName = fileName, Content = ByteString.CopyFrom(content),
        }, Call()), Cancellation);
        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
    }

    [Fact]
    public async Task A_csv_exported_through_grpc_imports_into_another_ente_as_the_same_indicators()
    {
        await ImportAsync("ind-export-a", System.Text.Encoding.UTF8.GetBytes(Source), "indicatori.csv");

        var file = await Grpc("ind-export-a").ExportIndicatorsAsync(new ExportRequest { Parent = Plan }, Call());
        await ImportAsync("ind-export-b", file.Data.ToByteArray(), "export.csv");

        Assert.StartsWith("text/csv", file.ContentType, StringComparison.Ordinal);
        var original = await IndicatorContents.ReadAsync(Grpc("ind-export-a"), Cancellation);
        Assert.Equal(5, original.Count);
        Assert.Equal(6, original.Sum(o => o.Periods.Count));
        IndicatorContents.AssertSame(original, await IndicatorContents.ReadAsync(Grpc("ind-export-b"), Cancellation));
    }

    [Fact]
    public async Task An_xlsx_exported_through_rest_imports_into_another_ente_as_the_same_indicators()
    {
        await ImportAsync("ind-export-c", System.Text.Encoding.UTF8.GetBytes(Source), "indicatori.csv");

        var response = await Rest("ind-export-c").GetAsync($"/v1/indicators:export?parent={Plan}&format=XLSX", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("spreadsheetml", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        await ImportAsync("ind-export-d", await response.Content.ReadAsByteArrayAsync(Cancellation), "export.xlsx");

        IndicatorContents.AssertSame(await IndicatorContents.ReadAsync(Grpc("ind-export-c"), Cancellation), await IndicatorContents.ReadAsync(Grpc("ind-export-d"), Cancellation));
    }

    [Fact]
    public async Task The_export_writes_italian_headers_and_what_the_source_printed_not_the_computed_achievement()
    {
        await ImportAsync("ind-export-e", System.Text.Encoding.UTF8.GetBytes(Source), "indicatori.csv");

        var text = (await Grpc("ind-export-e").ExportIndicatorsAsync(new ExportRequest { Parent = Plan }, Call())).Data.ToStringUtf8();

        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("Indicatore;Obiettivi;Titolo;", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(";Raggiungimento;Esito stampato", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("rifiuti;1.2;Raccolta differenziata;", StringComparison.Ordinal) && l.EndsWith(";91,78;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("deficit-p1;", StringComparison.Ordinal) && l.EndsWith(";61,41;;;;;NO", StringComparison.Ordinal));
        // The computed achievement of the 2020 half-years (not printed) is not written as if the source printed it.
        Assert.All(lines.Where(l => l.StartsWith("verde;", StringComparison.Ordinal) && l.Contains(";2020-H", StringComparison.Ordinal)),
            l => Assert.EndsWith(";;", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_export_of_a_plan_the_ente_does_not_have_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Grpc().ExportIndicatorsAsync(
            new ExportRequest { Parent = "plans/missing" }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_export_of_another_kind_or_format_is_refused_on_its_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Grpc().ExportIndicatorsAsync(
            new ExportRequest { Parent = Plan, Kind = "budget-lines" }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations, v => v.Field == "kind");
    }
}
