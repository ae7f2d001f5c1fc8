using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Launcher;

/// <summary>
/// One started program (a service or the gateway), its output forwarded line by line (each line capped).
/// Once supervised, a program that dies is started again on the same ports, with a growing back-off.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromSeconds(30);
    /// <summary>A program that ran this long before dying starts again after the first back-off.</summary>
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    private readonly ProcessStartInfo _startInfo;
    private readonly Action<string, string> _output;
    private readonly Queue<string> _recent = new();
    private readonly CancellationTokenSource _stopping = new();
    private Process _process;
    private DateTime _startedAt;
    private TimeSpan _backOff = FirstBackOff;
    private bool _supervised;

    public string Name { get; }
    /// <summary>Where the program serves its API (h2c for services).</summary>
    public Uri Address { get; }
    /// <summary>HTTP/1.1 address of its <c>/metrics</c> and <c>/healthz</c>.</summary>
    public Uri ManagementAddress { get; }
    /// <summary>How many times the program was started again after dying.</summary>
    public int Restarts { get; private set; }

    private ChildProcess(string name, Uri address, Uri managementAddress, ProcessStartInfo startInfo, Action<string, string> output)
    {
        Name = name;
        Address = address;
        ManagementAddress = managementAddress;
        _startInfo = startInfo;
        _output = output;
        _process = Launch();
    }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <summary>The last lines the program printed, for start-up failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recent) return string.Join(Environment.NewLine, _recent);
        }
    }

    public static ChildProcess Start(string name, Uri address, string assemblyPath,
        IReadOnlyDictionary<string, string> environment, Action<string, string> output, Uri managementAddress)
    {
        if (!File.Exists(assemblyPath))
            throw new LaunchException($"{name} is not built: {assemblyPath} is missing (run dotnet build)");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(assemblyPath);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new ChildProcess(name, address, managementAddress, info, output);
    }

    /// <summary>From now on a death of the program is reported and followed by a restart.</summary>
    public void Supervise()
    {
        _supervised = true;
        _ = WatchAsync(_process);
    }

    private Process Launch()
    {
        var process = new Process { StartInfo = _startInfo, EnableRaisingEvents = true };
        process.Start();
        _startedAt = DateTime.UtcNow;
        _ = BoundedLineReader.ForwardAsync(process.StandardOutput, Forward);
        _ = BoundedLineReader.ForwardAsync(process.StandardError, Forward);
        if (_supervised) _ = WatchAsync(process);
        return process;
    }

    private void Forward(string line)
    {
        lock (_recent)
        {
            _recent.Enqueue(line);
            if (_recent.Count > 30) _recent.Dequeue();
        }
        _output(Name, line);
    }

    private async Task WatchAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync(_stopping.Token);
            if (DateTime.UtcNow - _startedAt >= StableRun) _backOff = FirstBackOff;
            _output(Name, $"exited with code {process.ExitCode}; restarting in {_backOff.TotalSeconds:0} s");
            await Task.Delay(_backOff, _stopping.Token);
            _backOff = TimeSpan.FromTicks(Math.Min(_backOff.Ticks * 2, LongestBackOff.Ticks));
            if (_stopping.IsCancellationRequested) return;
            Restarts++;
            process.Dispose();
            _process = Launch();
        }
        catch (OperationCanceledException)
        {
            // Stopping: the launcher ends the program itself.
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _output(Name, $"could not be restarted: {ex.Message}");
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), and kills it if it has not stopped within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await _stopping.CancelAsync();
        var process = _process;
        if (process.HasExited) return;
        if (!OperatingSystem.IsWindows()) _ = SendSignal(process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(OperatingSystem.IsWindows() ? TimeSpan.Zero : grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillNow(process);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the process at once, as a crash would (a supervised program is then started again).</summary>
    public void Kill() => KillNow(_process);

    private static void KillNow(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
        _stopping.Dispose();
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}

/// <summary>A start-up failure the user can act on: printed as one line, without a stack trace.</summary>
public sealed class LaunchException(string message) : Exception(message);
