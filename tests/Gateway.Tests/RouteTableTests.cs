using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;

namespace Gateway.Tests;

/// <summary>
/// The gateway's configured routes send every RPC of every contract, as gRPC and as REST, to the cluster of
/// the service that owns it, and to no other.
/// </summary>
public sealed partial class RouteTableTests
{
    private static readonly (ServiceDescriptor Service, string Cluster)[] Owners =
    [
        (ObjectivesService.Descriptor, "objectives"),
        (IndicatorsService.Descriptor, "indicators"),
        (FinanceService.Descriptor, "finance"),
        (Platform.Documents.V1.DocumentsService.Descriptor, "documents"),
    ];

    private static readonly IReadOnlyList<(string Cluster, Regex Path, int Order)> Routes = LoadRoutes();

    public static TheoryData<string, string> Methods()
    {
        var data = new TheoryData<string, string>();
        foreach (var (service, _) in Owners)
            foreach (var method in service.Methods)
                data.Add(service.FullName, method.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Grpc_path_reaches_only_the_owning_service(string service, string method) =>
        Assert.Equal([OwnerOf(service)], ClustersMatching($"/{service}/{method}"));

    /// <summary>Every method but the streamed uploads, which JSON transcoding cannot carry: each of them has a
    /// per-kind twin taking the whole file in one message.</summary>
    public static TheoryData<string, string> RestMethods()
    {
        var data = new TheoryData<string, string>();
        foreach (var (service, _) in Owners)
            foreach (var method in service.Methods.Where(m => !m.IsClientStreaming))
                data.Add(service.FullName, method.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RestMethods))]
    public void Rest_path_reaches_only_the_owning_service(string service, string method)
    {
        var descriptor = Owners.Single(o => o.Service.FullName == service).Service.FindMethodByName(method);
        var rule = descriptor.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        Assert.NotNull(rule);

        foreach (var binding in new[] { rule! }.Concat(rule!.AdditionalBindings))
        {
            var path = SamplePath(binding);
            Assert.StartsWith("/v1/", path);
            var clusters = ClustersMatching(path);
            Assert.True(clusters.SequenceEqual([OwnerOf(service)]),
                $"{path} reaches [{string.Join(", ", clusters)}], not {OwnerOf(service)}");
        }
    }

    [Fact]
    public void Every_cluster_is_health_checked_over_http2()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoFiles.Path("gateway/appsettings.json")));
        var clusters = json.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters");
        foreach (var (_, name) in Owners)
        {
            var cluster = clusters.GetProperty(name);
            Assert.True(cluster.GetProperty("HealthCheck").GetProperty("Active").GetProperty("Enabled").GetBoolean());
            Assert.Equal("/healthz", cluster.GetProperty("HealthCheck").GetProperty("Active").GetProperty("Path").GetString());
            Assert.Equal("2", cluster.GetProperty("HttpRequest").GetProperty("Version").GetString());
            Assert.Equal("RequestVersionExact", cluster.GetProperty("HttpRequest").GetProperty("VersionPolicy").GetString());
        }
    }

    private static string OwnerOf(string service) => Owners.Single(o => o.Service.FullName == service).Cluster;

    /// <summary>The clusters of the matching routes of the lowest <c>Order</c>: YARP tries lower orders first.</summary>
    private static IReadOnlyList<string> ClustersMatching(string path) =>
        Routes.Where(r => r.Path.IsMatch(path)).GroupBy(r => r.Order).OrderBy(g => g.Key).FirstOrDefault()?
            .Select(r => r.Cluster).Distinct().ToList() ?? [];

    /// <summary>A concrete path for an HTTP rule: <c>/v1/{name=plans/*}</c> becomes <c>/v1/plans/x</c>.</summary>
    private static string SamplePath(HttpRule rule)
    {
        var template = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => rule.Get,
            HttpRule.PatternOneofCase.Post => rule.Post,
            HttpRule.PatternOneofCase.Put => rule.Put,
            HttpRule.PatternOneofCase.Patch => rule.Patch,
            HttpRule.PatternOneofCase.Delete => rule.Delete,
            HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
            _ => throw new InvalidOperationException("HTTP rule without a pattern"),
        };
        var path = VariableWithPattern().Replace(template, m => m.Groups["pattern"].Value.Replace("**", "x/y").Replace("*", "x"));
        return PlainVariable().Replace(path, "x");
    }

    /// <summary>Turns YARP route templates into regular expressions: <c>{**rest}</c> matches any tail.</summary>
    private static IReadOnlyList<(string, Regex, int)> LoadRoutes()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoFiles.Path("gateway/appsettings.json")));
        var routes = new List<(string, Regex, int)>();
        foreach (var route in json.RootElement.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject())
        {
            var template = route.Value.GetProperty("Match").GetProperty("Path").GetString()!;
            var pattern = Regex.Escape(template)
                .Replace(@"/\{\*\*rest}", "(/.*)?")
                .Replace(@"\{method}", "[^/]+")
                .Replace(@"\{verb}", "[^/]+")
                .Replace(@"\{plan}", "[^/]+");
            var order = route.Value.TryGetProperty("Order", out var o) ? o.GetInt32() : 0;
            routes.Add((route.Value.GetProperty("ClusterId").GetString()!, new Regex($"^{pattern}$"), order));
        }
        return routes;
    }

    [GeneratedRegex(@"\{[\w.]+=(?<pattern>[^}]+)\}")]
    private static partial Regex VariableWithPattern();

    [GeneratedRegex(@"\{[\w.]+\}")]
    private static partial Regex PlainVariable();
}
