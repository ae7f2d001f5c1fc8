using System.Text;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Indicators.Versions;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Data;

namespace Indicators.Tests;

/// <summary>
/// An ente's data version moves once with every committed transaction that changed its data (wrote an audit
/// event), and never with one rolled back, one that only read, or another ente's.
/// </summary>
public sealed class DataVersionTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private Task<long> VersionAsync(string tenant) => DataVersions.ReadAsync(Service<Database>(), tenant, Cancellation);

    /// <summary>A transaction that writes <paramref name="events"/> audit events for <paramref name="tenant"/>.</summary>
    private Task<bool> AuditedAsync(string tenant, int events, bool commit = true, bool fail = false) =>
        Service<Database>().InTransactionAsync(async (connection, transaction) =>
        {
            var who = new RequestIdentity(tenant, "tester");
            for (var i = 0; i < events; i++)
                await Service<AuditLog>().WriteAsync(connection, transaction, who, $"indicators/v-{i}", "update", [], Cancellation);
            if (fail) throw new InvalidOperationException("the write failed");
            return commit;
        }, Cancellation, commitWhen: commit => commit);

    [Fact]
    public async Task A_committed_change_bumps_its_ente_once()
    {
        Assert.Equal(0, await VersionAsync("version-commit"));
        await AuditedAsync("version-commit", events: 1);
        Assert.Equal(1, await VersionAsync("version-commit"));
        await AuditedAsync("version-commit", events: 3);
        Assert.Equal(2, await VersionAsync("version-commit"));
        Assert.Equal(0, await VersionAsync("version-commit-other"));
    }

    [Fact]
    public async Task A_rolled_back_or_read_only_transaction_leaves_the_version()
    {
        await AuditedAsync("version-rollback", events: 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => AuditedAsync("version-rollback", events: 2, fail: true));
        await AuditedAsync("version-rollback", events: 2, commit: false);
        await AuditedAsync("version-rollback", events: 0);
        Assert.Equal(1, await VersionAsync("version-rollback"));
    }

    [Fact]
    public async Task Every_write_through_the_api_bumps_the_callers_ente()
    {
        var before = await VersionAsync("version-api");
        await Grpc("version-api").CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "version-api-i1", Indicator = new Indicator { Title = "Alberi piantati", Unit = "n" },
        }, Call());
        Assert.Equal(before + 1, await VersionAsync("version-api"));
        await Grpc("version-api").DeleteIndicatorAsync(new DeleteIndicatorRequest { Name = "indicators/version-api-i1" }, Call());
        Assert.Equal(before + 2, await VersionAsync("version-api"));
    }

    [Fact]
    public async Task An_import_bumps_once_when_it_commits_and_not_as_a_preview_or_a_replay()
    {
        var file = Encoding.UTF8.GetBytes(IndicatorImportTests.Header + """

            verde-v;1.1;Indice del verde;%;Impatto;Crescente;;;2;;;;;;2020;12;5;;
            verde-v;;;;;;;;;;;;;;2021;12;6;;
            rifiuti-v;1.2;Raccolta differenziata;%;Risultato;Crescente;;;2;;;;;;2020;80;70;;
            """);
        Task<IReadOnlyList<ImportEvent>> ImportAsync(ImportMode mode) => ImportCalls.EventsAsync(Grpc("version-import").ImportIndicators(new ImportChunk
        {
            Parent = "plans/dup-test", Mode = mode, RequestId = mode == ImportMode.Commit ? "version-import-1" : "", FileName = "indicatori.csv",
            Content = ByteString.CopyFrom(file),
        }, Call()), Cancellation);

        await ImportAsync(ImportMode.Preview);
        Assert.Equal(0, await VersionAsync("version-import"));
        Assert.True((await ImportAsync(ImportMode.Commit)).Last().Summary.Committed);
        Assert.Equal(1, await VersionAsync("version-import"));
        Assert.True((await ImportAsync(ImportMode.Commit)).Last().Summary.Replayed);
        Assert.Equal(1, await VersionAsync("version-import"));
    }
}
