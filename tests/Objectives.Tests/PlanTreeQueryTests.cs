using Platform.ServiceDefaults.Data;

namespace Objectives.Tests;

/// <summary>A plan the size of Cremona's DUP comes back as a tree in one round of SQL, not one query per node.</summary>
public sealed class PlanTreeQueryTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    [Fact]
    public async Task The_whole_dup_tree_takes_a_fixed_number_of_queries()
    {
        var grpc = Grpc("tree-queries");
        await CremonaDemo.LoadAsync(grpc, "dup-2023-2025", Cancellation);

        var statements = 0;
        var counting = false;
        Service<Database>().ObserveCommands(_ => { if (Volatile.Read(ref counting)) Interlocked.Increment(ref statements); });
        Volatile.Write(ref counting, true);
        var tree = await grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/dup-2023-2025" }, Call());
        Volatile.Write(ref counting, false);

        Assert.Equal(223, tree.ObjectiveCount);
        Assert.InRange(statements, 1, 3);
    }
}
