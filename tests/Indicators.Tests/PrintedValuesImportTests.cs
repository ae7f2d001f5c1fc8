using System.Text;
using Google.Protobuf;
using Platform.Imports.V1;

namespace Indicators.Tests;

/// <summary>
/// The indicators file's printed values: "Raggiungimento" is stored as the period's printed achievement, and
/// "Esito stampato" (SI/NO as the DUP prints it, or Sì, true/false) as its printed breach flag.
/// </summary>
public sealed class PrintedValuesImportTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private const string Header =
        "Indicatore;Obiettivi;Titolo;Unità di misura;Polarità;Confronto soglia;Soglia;Anno;Target;Consuntivo;Raggiungimento;Esito stampato";

    private Task<IReadOnlyList<ImportEvent>> ImportAsync(string tenant, string csv, ImportMode mode) =>
        ImportCalls.EventsAsync(Grpc(tenant).ImportIndicators(new ImportChunk
        {
            Parent = "plans/dup-test", Mode = mode, RequestId = Guid.NewGuid().ToString(), FileName = "indicatori.csv",
            Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes(csv)),
        }, Call()), Cancellation);

    [Fact]
    public async Task Raggiungimento_and_esito_stampato_are_stored_as_printed_in_every_accepted_spelling()
    {
        const string tenant = "printed-import";
        var events = await ImportAsync(tenant, Header + """

            p1;;P1 - Incidenza spese rigide;%;Decrescente;>;48;2017;;34,81;;NO
            p1;;;;;;;2018;;33,05;;no
            p1;;;;;;;2019;;34,54;;false
            p1;;;;;;;2020;;61,41;;Sì
            p1;;;;;;;2021;;28,46;;true
            p1;;;;;;;2022;;28,00;;
            ferrovie;1.1;Efficientamento collegamenti ferroviari;;Crescente;;;2021;1;1,00;0,00;
            """, ImportMode.Commit);

        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));
        var p1 = (await Grpc(tenant).ListPeriodsAsync(new ListPeriodsRequest { Parent = "indicators/p1" }, Call())).Periods;
        Assert.Equal([false, false, false, true, true, null], p1.Select(p => p.HasPrintedBreach ? p.PrintedBreach : (bool?)null));
        var railway = await Grpc(tenant).GetPeriodAsync(new GetPeriodRequest { Name = "indicators/ferrovie/periods/2021" }, Call());
        Assert.Equal(("0.00", "100.00"), (railway.PrintedAchievement, railway.Achievement));
    }

    [Fact]
    public async Task A_flag_that_is_not_yes_or_no_or_a_flag_without_threshold_is_a_problem_of_its_cell()
    {
        var events = await ImportAsync("printed-import-bad", Header + """

            p1;;P1 - Incidenza spese rigide;%;Decrescente;>;48;2020;;61,41;;forse
            verde;1.1;Indice del verde;%;Crescente;;;2020;12;0,5;4,17;NO
            verde;;;;;;;2021;12;0,5;4,17 %;
            """, ImportMode.Preview);

        var problems = events.Where(e => e.Problem is not null).Select(e => (e.Problem.Row, e.Problem.Column)).ToList();
        Assert.Equal([(2, "Esito stampato"), (3, "Esito stampato"), (4, "Raggiungimento")], problems);
        Assert.Contains("SI, NO", events.First(e => e.Problem is not null).Problem.Message, StringComparison.Ordinal);
    }
}
