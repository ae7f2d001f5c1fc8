using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// The prologue every API test shares: the service host, clients for a tenant and roles, a cancellation token
/// that bounds each test, and the check that the host saw no problem (error logs, invalid or unscoped SQL).
/// A test only acts and asserts.
/// </summary>
public abstract class ApiTest<TEntryPoint>(ServiceFactory<TEntryPoint> factory) : IDisposable where TEntryPoint : class
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected ServiceFactory<TEntryPoint> Factory { get; } = factory;

    /// <summary>Cancelled when the test runs too long; pass it to every call.</summary>
    protected CancellationToken Cancellation => _timeout.Token;

    /// <summary>REST as <paramref name="tenant"/>'s user with <paramref name="roles"/> (admin when none).</summary>
    protected HttpClient Rest(string tenant = "demo", params string[] roles) => Factory.CreateRestClient(tenant, "tester", roles);

    protected HttpClient Anonymous() => Factory.CreateRestClientWithToken(null);

    protected GrpcChannel Channel(string tenant = "demo", params string[] roles) => Factory.CreateGrpcChannel(tenant, "tester", roles);

    protected GrpcChannel AnonymousChannel() => Factory.CreateGrpcChannelWithToken(null);

    /// <summary>A service of the host, e.g. its database for checks the API does not expose.</summary>
    protected T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Call options carrying <see cref="Cancellation"/> and, optionally, metadata.</summary>
    protected CallOptions Call(Metadata? headers = null) => new(headers, cancellationToken: Cancellation);

    public void Dispose()
    {
        _timeout.Dispose();
        Assert.Empty(Factory.Problems);
        GC.SuppressFinalize(this);
    }
}
