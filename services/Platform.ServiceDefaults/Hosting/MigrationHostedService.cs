using System.Reflection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults;

/// <summary>Brings the schema up to date before the server accepts calls: shared tables first, then the service's.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner, Database database, string module, Assembly assembly)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var shared = MigrationRunner.Discover(typeof(MigrationRunner).Assembly, "platform", database.Dialect);
        var own = MigrationRunner.Discover(assembly, module, database.Dialect);
        await runner.ApplyAsync(shared.Concat(own), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
