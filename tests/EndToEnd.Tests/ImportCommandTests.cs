using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// <c>launcher import</c> against a running platform, as an office clerk uses it: a preview lists each problem
/// with its row and column and writes nothing (exit 1); the fixed file commits (exit 0); the same commit sent
/// again with its request id imports nothing.
/// </summary>
public sealed class ImportCommandTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IDisposable
{
    private const string Tenant = "import-cli";
    private readonly string _folder = Directory.CreateTempSubdirectory("platform-import-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private Task<LauncherProcess> ImportAsync(string token, params string[] args) => LauncherProcess.RunAsync(120,
        ["import", .. args, "--grpc", fixture.Platform.System.GrpcAddress.ToString(), "--token", token]);

    [Fact]
    public async Task Preview_lists_the_problems_then_the_fixed_file_commits_once()
    {
        var token = fixture.Platform.Token(Tenant, "clerk", Roles.Admin);
        var objectives = new ObjectivesService.ObjectivesServiceClient(fixture.Platform.GrpcWithToken(token));
        await objectives.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = "dup-cli",
            Plan = new Plan { Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Levels = { "Linea", "Obiettivo" } },
        });
        var bad = File("obiettivi.csv", "Codice;Titolo;Codice padre\n1;Ambiente;\n1 1;Verde;1\n1.2;Rifiuti;7\n");
        var good = File("obiettivi-corretti.csv", "Codice;Titolo;Codice padre\n1;Ambiente;\n1.1;Verde;1\n1.2;Rifiuti;1\n");

        var preview = await ImportAsync(token, bad, "--kind", "objectives", "--parent", "plans/dup-cli", "--preview");
        var commit = await ImportAsync(token, good, "--kind", "objectives", "--parent", "plans/dup-cli", "--request-id", "cli-1");
        var again = await ImportAsync(token, good, "--kind", "objectives", "--parent", "plans/dup-cli", "--request-id", "cli-1");

        Assert.True(preview.ExitCode == 1, string.Join("\n", preview.ErrorLines) + preview.Output);
        Assert.Contains("riga 3, colonna «Codice»", preview.Output);
        Assert.Contains("riga 4, colonna «Codice padre»", preview.Output);
        Assert.Contains("nulla è stato scritto", preview.Output);
        Assert.Equal(0, commit.ExitCode);
        Assert.Contains("Importato: 3 righe lette, scritti objectives 3.", commit.Output);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Già importato con la richiesta cli-1", again.Output);
        var tree = await objectives.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/dup-cli" });
        Assert.Equal(3, tree.ObjectiveCount);
    }

    [Theory]
    [InlineData("--kind", "objectives", "--parent", "plans/x")]
    [InlineData("FILE", "--kind", "unknown", "--parent", "plans/x")]
    [InlineData("FILE", "--kind", "objectives")]
    [InlineData("FILE", "--kind", "objectives", "--parent", "plans/x", "--number-format", "roman")]
    public async Task A_command_line_mistake_is_one_line_on_stderr_and_exit_code_2(params string[] args)
    {
        var file = File("vuoto.csv", "Codice;Titolo\n");
        var run = await LauncherProcess.RunAsync(60, ["import", .. args.Select(a => a == "FILE" ? file : a), "--token", "t"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("launcher: ", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Output);
    }
}
