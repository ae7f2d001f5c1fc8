using Platform.Documents.Docx;
using Platform.Documents.Documents;
using Platform.Documents.Html;
using Platform.Documents.Model;
using Platform.Documents.Pdf;
using Platform.ServiceDefaults.Api;

namespace Platform.Documents;

/// <summary>A rendered document: its bytes, media type and the file name offered for download.</summary>
public sealed record RenderedDocument(byte[] Content, string ContentType, string FileName);

/// <summary>Checks a render request, reads the plan's data, composes the document and writes it in the asked format.</summary>
public sealed class DocumentRenderer(PlanDataReader reader, ObjectivesService.ObjectivesServiceClient objectives, ChromiumPdf pdf)
{
    public static readonly string[] Documents = ["dup", "relazione", "monitoraggio", "confronto"];
    public static readonly string[] Formats = ["html", "docx", "pdf"];

    public async Task<RenderedDocument> RenderAsync(RenderDocumentRequest request, CancellationToken ct)
    {
        var validator = new RequestValidator();
        ResourceNames.Check<PlanName>(validator, request.Plan, "plan", out var plan);
        var kind = request.Document.ToLowerInvariant();
        var format = request.Format.ToLowerInvariant();
        validator.Check(Documents.Contains(kind), "document", $"must be one of {string.Join(", ", Documents)}");
        validator.Check(Formats.Contains(format), "format", $"must be one of {string.Join(", ", Formats)}");
        validator.Check(request.Year == 0 || request.Year is >= RequestValidator.MinYear and <= RequestValidator.MaxYear, "year",
            $"must be between {RequestValidator.MinYear} and {RequestValidator.MaxYear}");
        validator.Check(request.Version.Length == 0 || PlanName.Owning(request.Version) == plan && request.Version.Contains("/versions/", StringComparison.Ordinal),
            "version", "must be plans/{plan}/versions/{version} of the same plan");
        validator.Check(request.Budget.Length == 0 || BudgetName.TryParse(request.Budget, out _), "budget", "must be budgets/{budget}");
        validator.ThrowIfInvalid();

        var document = kind switch
        {
            "relazione" => RelazioneDocument.Build(await reader.ReadAsync(plan, request.Year, request.Budget, null, ct)),
            "monitoraggio" => MonitoraggioDocument.Build(await reader.ReadAsync(plan, request.Year, request.Budget, null, ct)),
            "confronto" => await ComparisonAsync(plan, request, ct),
            _ => DupDocument.Build(await reader.ReadAsync(plan, request.Year, request.Budget, null, ct), new HashSet<string>()),
        };
        var name = $"{plan.PlanId}-{kind}";
        return format switch
        {
            "docx" => new(DocxWriter.Write(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx"),
            "pdf" => new(await pdf.PrintAsync(HtmlWriter.Write(document), ct), "application/pdf", name + ".pdf"),
            _ => new(System.Text.Encoding.UTF8.GetBytes(HtmlWriter.Write(document)), "text/html; charset=utf-8", name + ".html"),
        };
    }

    /// <summary>
    /// The version asked (or the plan as it is now) against the version before it (or the latest version), with
    /// the changed objectives from the Objectives service's diff.
    /// </summary>
    private async Task<Layout.Document> ComparisonAsync(PlanName plan, RenderDocumentRequest request, CancellationToken ct)
    {
        var versions = await reader.ListVersionsAsync(plan, ct);
        PlanVersion? shown = null;
        PlanVersion? baseVersion;
        if (request.Version.Length > 0)
        {
            var index = versions.FindIndex(v => v.Name == request.Version);
            if (index < 0) throw ApiErrors.NotFound(request.Version);
            shown = await objectives.GetPlanVersionAsync(new GetPlanVersionRequest { Name = request.Version }, cancellationToken: ct);
            baseVersion = index > 0 ? versions[index - 1] : null;
        }
        else baseVersion = versions.LastOrDefault();
        if (baseVersion is null)
            throw ApiErrors.FailedPrecondition("NO_PREVIOUS_VERSION",
                "Il confronto richiede una versione precedente del piano: creare una versione (ad esempio all'approvazione) e poi modificare il piano.",
                ("resource", request.Version.Length > 0 ? request.Version : plan.ToString()));

        var diff = await objectives.DiffPlanVersionsAsync(new DiffPlanVersionsRequest { Name = baseVersion.Name, Other = shown?.Name ?? "" }, cancellationToken: ct);
        var data = await reader.ReadAsync(plan, request.Year, request.Budget, shown?.Objectives, ct);
        return ConfrontoDocument.Build(data, diff, shown is null ? "il piano attuale" : $"versione {Short(shown.Name)}", $"versione {Short(baseVersion.Name)}");
    }

    private static string Short(string name) => name[(name.LastIndexOf('/') + 1)..];
}
