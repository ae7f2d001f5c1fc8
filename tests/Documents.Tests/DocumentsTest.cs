using System.Globalization;
using System.Net;

namespace Documents.Tests;

/// <summary>What every Documents test shares: rendering through REST and gRPC, it-IT numbers, the closing check.</summary>
public abstract class DocumentsTest(PlatformHosts hosts) : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));
    protected static readonly CultureInfo It = CultureInfo.GetCultureInfo("it-IT");

    protected PlatformHosts Hosts { get; } = hosts;
    protected CancellationToken Cancellation => _timeout.Token;
    protected CallOptions Call() => new(cancellationToken: Cancellation);

    /// <summary>GET /v1/plans/{plan}:render as the tenant's admin (or anonymously), the whole body.</summary>
    protected async Task<HttpResponseMessage> RestRenderAsync(string tenant, string query, bool anonymous = false)
    {
        var client = Hosts.Documents.CreateRestClientWithToken(anonymous ? null : Hosts.Token(tenant));
        return await client.GetAsync(query, Cancellation);
    }

    protected async Task<byte[]> RenderAsync(string tenant, string plan, string document, string format, string extra = "")
    {
        using var response = await RestRenderAsync(tenant, $"/v1/plans/{plan}:render?document={document}&format={format}{extra}");
        var body = await response.Content.ReadAsByteArrayAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }

    protected DocumentsService.DocumentsServiceClient Grpc(string tenant) => new(Hosts.Channel(Hosts.Documents, tenant));

    /// <summary>A decimal string of the API or the extraction as the DUP prints it, with the decimals it carries.</summary>
    protected static string Printed(string value) =>
        value.Length == 0 ? "—" : decimal.Parse(value, CultureInfo.InvariantCulture) is var d ? d.ToString("N" + d.Scale, It) : value;

    /// <summary>An amount to the cent, it-IT (<c>1.234.567,89</c>).</summary>
    protected static string Cents(string value) => decimal.Parse(value, CultureInfo.InvariantCulture).ToString("N2", It);

    public void Dispose()
    {
        _timeout.Dispose();
        Assert.Empty(Hosts.Problems);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The hosts with the Cremona demo loaded into the <c>demo</c> ente, once per test class.</summary>
public sealed class DemoHosts : PlatformHosts, IAsyncLifetime
{
    public const string Tenant = "demo";

    public Task InitializeAsync() => DemoDup.LoadAsync(this, Tenant, CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
