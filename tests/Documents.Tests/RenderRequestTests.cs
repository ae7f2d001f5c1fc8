using System.Net;

namespace Documents.Tests;

/// <summary>Bad requests, missing Chromium and anonymous readers, through gRPC and REST alike.</summary>
public sealed class RenderRequestTests(RenderRequestTests.NoChromium hosts) : DocumentsTest(hosts), IClassFixture<RenderRequestTests.NoChromium>
{
    /// <summary>The hosts with Chromium configured at a path where it is not installed.</summary>
    public sealed class NoChromium() : PlatformHosts(("Documents:ChromiumPath", "/nessun/chromium"));

    [Fact]
    public async Task Missing_or_unknown_document_and_format_are_invalid_arguments_naming_the_field_in_grpc_and_rest()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, async () =>
            await Grpc("errori").RenderDocumentAsync(new RenderDocumentRequest { Plan = "plans/dup", Document = "bilancio" }, Call()));
        Assert.Equal(["document", "format"], status.ViolatedFields());

        using var response = await RestRenderAsync("errori", "/v1/plans/dup:render?document=dup&format=odt&year=20223");
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["format", "year"], rest.Fields);
    }

    [Fact]
    public async Task Pdf_without_chromium_is_a_failed_precondition_saying_so_in_italian_and_html_still_renders()
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, "senza-chromium"));
        await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = "dup", Plan = new Plan { Title = "DUP - Comune di Prova", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026 } }, Call());

        using var response = await RestRenderAsync("senza-chromium", "/v1/plans/dup:render?document=dup&format=pdf");
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal("PDF_RENDERER_MISSING", error.Reason);
        Assert.Contains("Chromium non è installato", error.Message, StringComparison.Ordinal);

        var html = System.Text.Encoding.UTF8.GetString(await RenderAsync("senza-chromium", "dup", "dup", "html"));
        Assert.Contains("<html lang=\"it\">", html, StringComparison.Ordinal);
        Assert.Contains("COMUNE DI PROVA".ToLowerInvariant(), html.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_reader_cannot_render_an_unpublished_plan()
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, "demo"));
        await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = "bozza", Plan = new Plan { Title = "DUP in bozza", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026 } }, Call());
        using var response = await RestRenderAsync("demo", "/v1/plans/bozza:render?document=dup&format=html&ente=demo", anonymous: true);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_entes_plan_does_not_exist_for_the_caller()
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, "ente-a"));
        await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = "dup-a", Plan = new Plan { Title = "DUP dell'ente A", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026 } }, Call());
        Assert.Contains("DUP dell&#39;ente A", System.Text.Encoding.UTF8.GetString(await RenderAsync("ente-a", "dup-a", "dup", "html")), StringComparison.Ordinal);

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, async () =>
            await Grpc("ente-b").RenderDocumentAsync(new RenderDocumentRequest { Plan = "plans/dup-a", Document = "dup", Format = "html" }, Call()));
    }

    [Fact]
    public async Task A_citizen_renders_a_published_plan_naming_the_ente()
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, "pubblico"));
        await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = "dup", Plan = new Plan { Title = "DUP pubblicato - Comune Aperto", Kind = Plan.Types.Kind.Dup, StartYear = 2024, EndYear = 2026 } }, Call());
        foreach (var state in new[] { Plan.Types.State.Adopted, Plan.Types.State.Approved })
            await objectives.TransitionPlanAsync(new TransitionPlanRequest { Name = "plans/dup", State = state }, Call());
        await objectives.PublishPlanAsync(new PublishPlanRequest { Name = "plans/dup", Published = true }, Call());

        using var response = await RestRenderAsync("pubblico", "/v1/plans/dup:render?document=dup&format=html&ente=pubblico", anonymous: true);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("Comune Aperto", body, StringComparison.Ordinal);
        Assert.Contains("Stato del piano: Approvato", body, StringComparison.Ordinal);
        // Indicators are listed for the ente's staff only; approved budgets are public (the ente has none).
        Assert.Contains("Questa copia non contiene gli indicatori di impatto: non sono pubblici", body, StringComparison.Ordinal);
    }
}
