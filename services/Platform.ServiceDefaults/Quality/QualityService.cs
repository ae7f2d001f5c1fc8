using Platform.Quality.V1;

using Platform.ServiceDefaults.Api;

namespace Platform.ServiceDefaults.Quality;

/// <summary>
/// The rule-setting and silence RPCs every service offers over its own <see cref="QualityCatalog"/>, and the
/// report run with the ente's state. The service's gRPC class parses and calls these; the service checks that
/// a silenced resource exists in the caller's ente (<paramref name="ensureExists"/>).
/// </summary>
public sealed class QualityService(QualityStore store, QualityCatalog catalog)
{
    public QualityCatalog Catalog => catalog;

    public async Task<ValidationReport> RunAsync<TInput>(RequestIdentity who, string subject,
        IEnumerable<QualityRule<TInput>> rules, TInput input, CancellationToken ct) =>
        QualityReports.Run(subject, rules, input, await store.LoadAsync(who, ct));

    private static readonly string ListFingerprint = Paging.Fingerprint("qualityRules");

    /// <summary>The service's rules by code, a page at a time.</summary>
    public async Task<ListQualityRulesResponse> ListAsync(RequestIdentity who, ListQualityRulesRequest request, CancellationToken ct)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, ListFingerprint);
        var state = await store.LoadAsync(who, ct);
        var rules = catalog.Rules.Where(r => paging.After is null || string.CompareOrdinal(r.Code, paging.After) > 0)
            .Take(paging.PageSize + 1).ToList();
        var page = Page<IQualityRule>.From(rules, paging.PageSize, r => r.Code, ListFingerprint);
        return new ListQualityRulesResponse { Rules = { page.Items.Select(r => catalog.ToProto(r, state)) }, NextPageToken = page.NextPageToken };
    }

    public async Task<QualityRule> UpdateAsync(RequestIdentity who, UpdateQualityRuleRequest request, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var rule = request.Rule is null ? null : catalog.Check(request.Rule.Rule, "rule.rule", validator);
        validator.Check(request.Rule is not null, "rule", "is required");
        validator.Check(request.Rule is null || Enum.IsDefined(request.Rule.Severity), "rule.severity", "must be INFO, WARNING or ERROR");
        validator.ThrowIfInvalid();
        await store.SaveSettingAsync(who, new RuleSetting(rule!.Code, request.Rule!.Enabled, request.Rule.Severity), ct);
        return catalog.ToProto(rule, await store.LoadAsync(who, ct));
    }

    public async Task<Silence> SilenceAsync(RequestIdentity who, SilenceFindingRequest request,
        Func<string, CancellationToken, Task> ensureExists, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var rule = catalog.Check(request.Rule, "rule", validator);
        CheckResource(request.Resource, validator);
        validator.Text(request.Reason, "reason", QualityCatalog.MaxReasonLength);
        validator.ThrowIfInvalid();
        await ensureExists(request.Resource, ct);
        return await store.SilenceAsync(who, rule!.Code, request.Resource, request.Reason.Trim(), ct);
    }

    public async Task<Google.Protobuf.WellKnownTypes.Empty> UnsilenceAsync(RequestIdentity who, UnsilenceFindingRequest request, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var rule = catalog.Check(request.Rule, "rule", validator);
        CheckResource(request.Resource, validator);
        validator.ThrowIfInvalid();
        await store.UnsilenceAsync(who, rule!.Code, request.Resource, ct);
        return new Google.Protobuf.WellKnownTypes.Empty();
    }

    private void CheckResource(string resource, RequestValidator validator)
    {
        if (!validator.Text(resource, "resource", QualityCatalog.MaxResourceLength)) return;
        validator.Check(catalog.ResourcePrefixes.Any(p => resource.StartsWith(p, StringComparison.Ordinal))
            && !resource.Any(char.IsWhiteSpace), "resource",
            $"must be a resource name of this service ({string.Join(", ", catalog.ResourcePrefixes.Select(p => p + "..."))})");
    }
}
