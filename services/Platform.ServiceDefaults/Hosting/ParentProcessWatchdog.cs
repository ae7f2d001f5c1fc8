using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults;

/// <summary>
/// When started by the launcher (<c>PLATFORM_PARENT_PID</c>), stops this process once the launcher is gone,
/// even if the launcher was killed outright: no orphans.
/// </summary>
public sealed class ParentProcessWatchdog(IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<ParentProcessWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration["PLATFORM_PARENT_PID"], out var parentId)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) && IsAlive(parentId))
        {
        }
        if (stoppingToken.IsCancellationRequested) return;
        logger.LogWarning("Parent process {ParentId} is gone; shutting down", parentId);
        lifetime.StopApplication();
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
