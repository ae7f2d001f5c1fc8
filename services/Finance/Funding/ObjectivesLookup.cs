using Grpc.Core;
using Platform.Objectives.V1;

namespace Platform.Finance.Funding;

/// <summary>
/// Reads objectives from the Objectives service. The client is resolved on first use, so a Finance process
/// without <c>Services:objectives</c> still serves everything that does not need it.
/// </summary>
public sealed class ObjectivesLookup(IServiceProvider services)
{
    private ObjectivesService.ObjectivesServiceClient Client => services.GetRequiredService<ObjectivesService.ObjectivesServiceClient>();

    /// <summary>The objective, or null when the Objectives service says it does not exist.</summary>
    public async Task<Objective?> FindObjectiveAsync(string name, CancellationToken ct)
    {
        try
        {
            return await Client.GetObjectiveAsync(new GetObjectiveRequest { Name = name }, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<PlanTree?> FindPlanTreeAsync(string plan, CancellationToken ct)
    {
        try
        {
            return await Client.GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan }, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public static IEnumerable<Objective> Flatten(IEnumerable<PlanTreeNode> nodes) =>
        nodes.SelectMany(n => new[] { n.Objective }.Concat(Flatten(n.Children)));
}
