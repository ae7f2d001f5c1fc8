using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Launcher;

/// <summary>One started program (a service or the gateway), its output forwarded line by line.</summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _recent = new();

    public string Name { get; }
    /// <summary>Where the program serves its API (h2c for services).</summary>
    public Uri Address { get; }
    /// <summary>HTTP/1.1 address of its <c>/metrics</c> and <c>/healthz</c>.</summary>
    public Uri ManagementAddress { get; }

    private ChildProcess(string name, Uri address, Uri managementAddress, Process process)
    {
        Name = name;
        Address = address;
        ManagementAddress = managementAddress;
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the program printed, for start-up failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recent) return string.Join(Environment.NewLine, _recent);
        }
    }

    private void Remember(string line)
    {
        lock (_recent)
        {
            _recent.Enqueue(line);
            if (_recent.Count > 30) _recent.Dequeue();
        }
    }
    public int Id => _process.Id;

    public static ChildProcess Start(string name, Uri address, string assemblyPath,
        IReadOnlyDictionary<string, string> environment, Action<string, string> output, Uri managementAddress)
    {
        if (!File.Exists(assemblyPath))
            throw new FileNotFoundException($"{name} is not built: {assemblyPath} is missing (run dotnet build)", assemblyPath);
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
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, address, managementAddress, process);
        void Forward(string? line)
        {
            if (line is null) return;
            child.Remember(line);
            output(name, line);
        }
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks the process to stop (SIGTERM), and kills it if it has not stopped within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        if (!OperatingSystem.IsWindows()) _ = SendSignal(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(OperatingSystem.IsWindows() ? TimeSpan.Zero : grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the process at once, as a crash would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
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
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
