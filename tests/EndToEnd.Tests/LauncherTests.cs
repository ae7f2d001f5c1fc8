using System.Net;
using System.Net.Sockets;
using Platform.Launcher;

namespace EndToEnd.Tests;

/// <summary>The launcher as a new user meets it: its command line, taken ports, restarts and demo data.</summary>
public sealed class LauncherTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-e2e-launcher-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Theory]
    [InlineData("token", "--hours", "-1")]
    [InlineData("token", "--hours", "abc")]
    [InlineData("token", "--hours", "0")]
    [InlineData("token", "--tenant", "Comune B")]
    [InlineData("token", "--role")]
    [InlineData("token", "--rest-port", "9000")]
    [InlineData("--rest-port", "eighty")]
    [InlineData("--grpc-port", "70000")]
    [InlineData("--replicas", "nobody=2")]
    [InlineData("--bogus")]
    public async Task A_command_line_mistake_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        var run = await LauncherProcess.RunAsync(60, [.. args, "--data-dir", _dataDirectory]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("launcher: ", line);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("token", "--help")]
    public async Task Help_prints_the_usage_and_exits_0(params string[] args)
    {
        var run = await LauncherProcess.RunAsync(60, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Empty(run.ErrorLines);
    }

    [Fact]
    public async Task A_token_of_a_fraction_of_an_hour_is_minted()
    {
        var run = await LauncherProcess.RunAsync(60, "token", "--hours", "0.001", "--data-dir", _dataDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Output.Trim().Split('.').Length);
    }

    [Fact]
    public async Task A_taken_port_stops_the_start_with_one_line_before_anything_answers_for_it()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var taken = ((IPEndPoint)other.LocalEndpoint).Port;

        var run = await LauncherProcess.RunAsync(60, "--rest-port", taken.ToString(), "--grpc-port",
            PlatformSystem.FreePort().ToString(), "--data-dir", _dataDirectory);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Port {taken} (REST) is already in use", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("Platform is up", run.Output);
    }

    [Fact]
    public async Task A_second_start_seeds_nothing_logs_no_error_and_prints_a_token_command_with_the_data_dir()
    {
        string[] args = ["--data-dir", _dataDirectory];
        await using (var first = LauncherProcess.Start([.. args, .. FreePorts()]))
        {
            await first.WaitForOutputAsync("Platform is up.", 240);
            Assert.Contains("Demo data loaded in ", first.Output);
        }

        await using var second = LauncherProcess.Start([.. args, .. FreePorts()]);
        await second.WaitForOutputAsync("Platform is up.", 180);

        Assert.Contains("Demo data already present.", second.Output);
        Assert.DoesNotContain(" fail ", second.Output);
        Assert.DoesNotContain("AlreadyExists", second.Output);
        Assert.Contains($"-- token --data-dir {_dataDirectory} ", second.Output);
    }

    [Fact]
    public async Task A_child_that_dies_is_restarted_and_the_launcher_says_so()
    {
        await using var platform = await RunningPlatform.StartAsync(_dataDirectory);
        var objectives = platform.System.Child("objectives");
        var firstId = objectives.Id;

        objectives.Kill();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (objectives.Restarts == 0 || (await platform.Rest.GetAsync("/v1/plans")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"objectives did not come back:\n{platform.Log}");
            await Task.Delay(500);
        }
        Assert.NotEqual(firstId, objectives.Id);
        Assert.Single(platform.Log.Split('\n'), line => line.StartsWith("[objectives] exited with code", StringComparison.Ordinal)
                                                        && line.Contains("restarting in 2 s", StringComparison.Ordinal));
    }

    private static string[] FreePorts() =>
        ["--rest-port", PlatformSystem.FreePort().ToString(), "--grpc-port", PlatformSystem.FreePort().ToString()];
}
