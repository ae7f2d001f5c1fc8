using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.Launcher;

namespace EndToEnd.Tests;

/// <summary>The built launcher run as a user runs it: a process with arguments, its output collected.</summary>
public sealed class LauncherProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private LauncherProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _stdout);
    public IReadOnlyList<string> ErrorLines => _stderr.ToList();
    public int ExitCode => _process.ExitCode;

    public static LauncherProcess Start(params string[] args)
    {
        var root = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(root, "tools", "Launcher", "bin", LaunchOptions.BuildConfiguration, "net10.0", "Platform.Launcher.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        var launcher = new LauncherProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) launcher._stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) launcher._stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launcher;
    }

    /// <summary>Runs the launcher to its end (at most <paramref name="seconds"/>).</summary>
    public static async Task<LauncherProcess> RunAsync(int seconds, params string[] args)
    {
        var launcher = Start(args);
        await launcher.WaitForExitAsync(seconds);
        return launcher;
    }

    public async Task WaitForExitAsync(int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // the output is complete only then
    }

    /// <summary>Waits until the launcher printed <paramref name="text"/>; fails if it exits first.</summary>
    public async Task WaitForOutputAsync(string text, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) Assert.Fail($"launcher exited ({_process.ExitCode}):\n{Output}\n{string.Join('\n', _stderr)}");
            Assert.True(DateTime.UtcNow < deadline, $"no '{text}' within {seconds} s:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Stops it as Ctrl+C would (SIGINT) and waits for the children to stop.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()])) await kill.WaitForExitAsync();
        await WaitForExitAsync(60);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}
