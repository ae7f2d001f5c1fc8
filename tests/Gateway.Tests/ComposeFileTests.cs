using YamlDotNet.RepresentationModel;

namespace Gateway.Tests;

/// <summary>docker-compose.yml cannot run here (no Docker engine); check that it parses and is wired right.</summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Root = Load();
    private static readonly YamlMappingNode Services = (YamlMappingNode)Root["services"];

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoFiles.Path("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static IReadOnlyDictionary<string, string> Environment(string name) =>
        ((YamlMappingNode)Service(name)["environment"]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);

    [Fact]
    public void Names_sql_server_the_three_services_and_the_gateway()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.Equal(new HashSet<string?> { "sqlserver", "objectives", "indicators", "finance", "gateway" }, names);
        Assert.StartsWith("mcr.microsoft.com/mssql/server", ((YamlScalarNode)Service("sqlserver")["image"]).Value);
    }

    [Theory]
    [InlineData("objectives")]
    [InlineData("indicators")]
    [InlineData("finance")]
    public void Each_service_uses_its_own_sql_server_database(string name)
    {
        var environment = Environment(name);
        Assert.Equal("SqlServer", environment["Database__Provider"]);
        Assert.Contains($"Database=platform_{name};", environment[$"ConnectionStrings__{name}"]);
        Assert.Contains("Server=sqlserver;", environment[$"ConnectionStrings__{name}"]);
        Assert.True(File.Exists(RepoFiles.Path(((YamlScalarNode)Service(name)["build"]["args"]["PROJECT"]).Value!)));
        Assert.Equal("Http1", environment["Kestrel__Endpoints__Management__Protocols"]);
        Assert.Contains("PLATFORM_SIGNING_KEY", environment["Auth__SigningKey"]);
        if (name != "objectives") Assert.Equal("http://objectives:5000", environment["Services__objectives"]);
    }

    [Fact]
    public void Every_program_is_health_checked_and_stateless_services_run_replicas()
    {
        var defaults = (YamlMappingNode)Root["x-service"];
        Assert.Contains("/healthz", string.Join(" ", ((YamlSequenceNode)defaults["healthcheck"]["test"]).Children));
        Assert.Contains("/healthz", string.Join(" ", ((YamlSequenceNode)Service("gateway")["healthcheck"]["test"]).Children));
        foreach (var name in new[] { "indicators", "finance" })
            Assert.Equal("2", ((YamlScalarNode)Service(name)["deploy"]["replicas"]).Value);
        Assert.Contains("PLATFORM_SIGNING_KEY", Environment("gateway")["Auth__SigningKey"]);
    }

    [Fact]
    public void Gateway_points_every_cluster_at_its_service_and_publishes_both_ports()
    {
        var environment = Environment("gateway");
        foreach (var name in new[] { "objectives", "indicators", "finance" })
            Assert.Equal($"http://{name}:5000", environment[$"ReverseProxy__Clusters__{name}__Destinations__d1__Address"]);
        var ports = ((YamlSequenceNode)Service("gateway")["ports"]).Children.Select(p => ((YamlScalarNode)p).Value);
        Assert.Equal(["8080:8080", "8081:8081"], ports);
    }
}
