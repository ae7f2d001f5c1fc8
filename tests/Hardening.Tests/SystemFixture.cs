using EndToEnd.Tests;
using Platform.ServiceDefaults.Security;

namespace Hardening.Tests;

/// <summary>
/// One real system (launcher, three services, gateway) shared by the sweep, fuzz, race and noisy-neighbour
/// suites, with the real resources of ente "demo" that the sweep aims at.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public RunningPlatform Platform { get; private set; } = null!;
    public RealResources Demo { get; private set; } = null!;
    public Caller Caller { get; private set; } = null!;

    public string Token(string tenant, string subject, params string[] roles) => Platform.Token(tenant, subject, roles);

    public async Task InitializeAsync()
    {
        Platform = await RunningPlatform.StartAsync();
        Demo = await RealResources.CreateAsync(Platform.Grpc, "hz" + Guid.NewGuid().ToString("N")[..6]);
        Caller = new Caller(Platform.GrpcWithToken(null), Platform.Anonymous);
    }

    public async Task DisposeAsync()
    {
        if (Platform is null) return;
        await Platform.DisposeAsync();
        Directory.Delete(Platform.DataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "running system";
}

/// <summary>The identities the suites call as, all minted with the system's key unless said otherwise.</summary>
public static class Identities
{
    public static readonly (string Key, string Value)[] SpoofedHeaders =
    [
        ("x-platform-tenant", "demo"), ("x-platform-user", "admin"), ("x-tenant-id", "demo"),
        ("x-forwarded-user", "admin"), ("x-platform-roles", Roles.Admin), ("x-user-roles", Roles.Admin),
    ];
}
