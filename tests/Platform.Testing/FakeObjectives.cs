using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Objectives.V1;

namespace Platform.Testing;

/// <summary>
/// The one plan a fake Objectives service serves, and the deadlines of the calls it received (to check that
/// callers set one).
/// </summary>
public sealed class FakePlan(PlanTree tree)
{
    public PlanTree Tree { get; } = tree;
    public string PlanName => Tree.Plan.Name;
    public List<DateTime> Deadlines { get; } = [];

    public string NameOf(string code) => $"{PlanName}/objectives/{code}";

    public Objective? Find(string name) => Tree.Objectives().FirstOrDefault(o => o.Name == name);

    /// <summary>A DUP with objectives named by code (<c>1</c>, <c>1.2</c>, <c>1.2.3</c>), each under the code it extends.</summary>
    public static FakePlan FromCodes(string planId, IEnumerable<(string Code, string Title)> objectives)
    {
        var plan = $"plans/{planId}";
        string Name(string code) => $"{plan}/objectives/{code}";
        var list = objectives.ToList();
        var nodes = list.ToDictionary(o => o.Code, o => new PlanTreeNode
        {
            Objective = new Objective
            {
                Name = Name(o.Code), Code = o.Code, Title = o.Title, Depth = o.Code.Count(c => c == '.'),
                Parent = o.Code.LastIndexOf('.') is var dot and >= 0 ? Name(o.Code[..dot]) : "",
            },
        });
        var tree = new PlanTree { Plan = new Plan { Name = plan, Title = "DUP", Kind = Plan.Types.Kind.Dup }, ObjectiveCount = nodes.Count };
        foreach (var (code, _) in list)
        {
            var dot = code.LastIndexOf('.');
            if (dot < 0) tree.Roots.Add(nodes[code]);
            else nodes[code[..dot]].Children.Add(nodes[code]);
        }
        return new FakePlan(tree);
    }
}

/// <summary>An Objectives service that knows one plan: GetObjective and GetPlanTree, NOT_FOUND for anything else.</summary>
public sealed class FakeObjectivesService(FakePlan plan) : ObjectivesService.ObjectivesServiceBase
{
    public override Task<Objective> GetObjective(GetObjectiveRequest request, ServerCallContext context)
    {
        Record(context);
        return Task.FromResult(plan.Find(request.Name) ?? throw NotFound(request.Name));
    }

    public override Task<PlanTree> GetPlanTree(GetPlanTreeRequest request, ServerCallContext context)
    {
        Record(context);
        return request.Name == plan.PlanName ? Task.FromResult(plan.Tree) : throw NotFound(request.Name);
    }

    private void Record(ServerCallContext context)
    {
        lock (plan.Deadlines) plan.Deadlines.Add(context.Deadline);
    }

    private static RpcException NotFound(string name) => new(new Grpc.Core.Status(StatusCode.NotFound, $"{name} not found"));
}

public static class FakeObjectivesExtensions
{
    /// <summary>Sends the host's calls to the Objectives service to a fake that serves <paramref name="plan"/>.</summary>
    public static ServiceFactory<TEntryPoint> WithFakeObjectives<TEntryPoint>(this ServiceFactory<TEntryPoint> factory, FakePlan plan)
        where TEntryPoint : class =>
        factory.WithFakeUpstream<ObjectivesService.ObjectivesServiceClient, FakeObjectivesService>("objectives", services => services.AddSingleton(plan));
}
