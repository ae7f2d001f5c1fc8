using AngleSharp.Html.Parser;
using Google.Protobuf.WellKnownTypes;

namespace Documents.Tests;

/// <summary>The version comparison: changed objectives marked "(modificato)" from the Objectives service's diff.</summary>
public sealed class ComparisonTests(PlatformHosts hosts) : DocumentsTest(hosts), IClassFixture<PlatformHosts>
{
    private const string PlanId = "dup-confronto";

    private async Task<ObjectivesService.ObjectivesServiceClient> SmallDupAsync(string tenant)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, tenant));
        await objectives.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = PlanId,
            Plan = new Plan { Title = "DUP 2024-2026 - Comune di Prova", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026, Levels = { "Linea di mandato", "Obiettivo strategico", "Obiettivo operativo" } },
        }, Call());
        foreach (var (code, parent, title) in new[] { ("1", "", "Ambiente"), ("1.1", "1", "Piano verde"), ("1.1.1", "1.1", "Riorganizzazione aree verdi"), ("1.1.2", "1.1", "Pianificazione del verde") })
            await objectives.CreateObjectiveAsync(new CreateObjectiveRequest
            {
                Parent = $"plans/{PlanId}", ObjectiveId = code,
                Objective = new Objective { Title = title, Parent = parent.Length == 0 ? "" : $"plans/{PlanId}/objectives/{parent}" },
            }, Call());
        await objectives.CreatePlanVersionAsync(new CreatePlanVersionRequest { Parent = $"plans/{PlanId}", Version = new PlanVersion { Description = "Approvato con DCC n. 12/2024" } }, Call());
        await objectives.UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = $"plans/{PlanId}/objectives/1.1.1", Title = "Riorganizzazione e manutenzione delle aree verdi" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call());
        return objectives;
    }

    private static Dictionary<string, string> CardHeadings(byte[] html) =>
        new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html)).QuerySelectorAll("section.scheda-operativo h4")
            .ToDictionary(h => h.TextContent.Split(' ')[2], h => h.TextContent);

    [Fact]
    public async Task A_changed_objective_shows_modificato_against_the_previous_version_and_an_unchanged_one_does_not()
    {
        var objectives = await SmallDupAsync("confronto-corrente");

        var current = CardHeadings(await RenderAsync("confronto-corrente", PlanId, "confronto", "html"));
        Assert.Equal("Obiettivo operativo 1.1.1 - Riorganizzazione e manutenzione delle aree verdi (modificato)", current["1.1.1"]);
        Assert.Equal("Obiettivo operativo 1.1.2 - Pianificazione del verde", current["1.1.2"]);

        // A second version shows the same against the first; the first version's text is the old one.
        await objectives.CreatePlanVersionAsync(new CreatePlanVersionRequest { Parent = $"plans/{PlanId}", Version = new PlanVersion { Description = "Nota di aggiornamento" } }, Call());
        var docx = RenderedTables.FromDocx(await RenderAsync("confronto-corrente", PlanId, "confronto", "docx", $"&version=plans/{PlanId}/versions/v2"));
        var changes = docx.Single("Obiettivi modificati");
        Assert.Equal([["1.1.1 - Riorganizzazione e manutenzione delle aree verdi", "title", "Riorganizzazione aree verdi", "Riorganizzazione e manutenzione delle aree verdi"]], changes.Rows);
        Assert.Contains(docx, t => t.Caption.StartsWith("Obiettivi operativi", StringComparison.Ordinal)
            && t.Rows.Any(r => r[1] == "Riorganizzazione e manutenzione delle aree verdi (modificato)") && t.Rows.Any(r => r[1] == "Pianificazione del verde"));

        // The plain DUP marks nothing.
        Assert.DoesNotContain(CardHeadings(await RenderAsync("confronto-corrente", PlanId, "dup", "html")).Values, h => h.Contains("(modificato)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comparison_without_a_previous_version_is_a_failed_precondition_in_italian()
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, "confronto-senza"));
        await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = PlanId, Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026 } }, Call());
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, async () =>
            await Grpc("confronto-senza").RenderDocumentAsync(new RenderDocumentRequest { Plan = $"plans/{PlanId}", Document = "confronto", Format = "html" }, Call()));
        Assert.StartsWith("Il confronto richiede una versione precedente", status.Message, StringComparison.Ordinal);
    }
}
