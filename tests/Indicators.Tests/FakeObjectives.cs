using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Objectives.V1;

namespace Indicators.Tests;

/// <summary>A canned objective tree: codes like <c>1</c>, <c>1.2</c>, <c>1.2.3</c>, parents derived from the code.</summary>
public sealed class FakeTree(string planId, IEnumerable<(string Code, string Title)> objectives)
{
    public string PlanName { get; } = $"plans/{planId}";
    public IReadOnlyList<(string Code, string Title)> Objectives { get; } = objectives.ToList();

    /// <summary>Deadlines of the calls received, to check that the caller sets one.</summary>
    public List<DateTime> Deadlines { get; } = [];

    public string NameOf(string code) => $"{PlanName}/objectives/{code}";

    public Objective? Find(string name) => Objectives.Where(o => NameOf(o.Code) == name).Select(o => ToObjective(o)).FirstOrDefault();

    private Objective ToObjective((string Code, string Title) o)
    {
        var dot = o.Code.LastIndexOf('.');
        return new Objective
        {
            Name = NameOf(o.Code), Code = o.Code, Title = o.Title,
            Parent = dot < 0 ? "" : NameOf(o.Code[..dot]), Depth = o.Code.Count(c => c == '.'),
        };
    }

    public PlanTree Tree()
    {
        var nodes = Objectives.ToDictionary(o => o.Code, o => new PlanTreeNode { Objective = ToObjective(o) });
        var tree = new PlanTree { Plan = new Plan { Name = PlanName, Title = "DUP", Kind = Plan.Types.Kind.Dup }, ObjectiveCount = nodes.Count };
        foreach (var (code, _) in Objectives)
        {
            var dot = code.LastIndexOf('.');
            if (dot < 0) tree.Roots.Add(nodes[code]);
            else nodes[code[..dot]].Children.Add(nodes[code]);
        }
        return tree;
    }
}

public sealed class FakeObjectivesService(FakeTree tree) : ObjectivesService.ObjectivesServiceBase
{
    public override Task<Objective> GetObjective(GetObjectiveRequest request, ServerCallContext context)
    {
        lock (tree.Deadlines) tree.Deadlines.Add(context.Deadline);
        return Task.FromResult(tree.Find(request.Name) ?? throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"{request.Name} not found")));
    }

    public override Task<PlanTree> GetPlanTree(GetPlanTreeRequest request, ServerCallContext context)
    {
        lock (tree.Deadlines) tree.Deadlines.Add(context.Deadline);
        return request.Name == tree.PlanName
            ? Task.FromResult(tree.Tree())
            : throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"{request.Name} not found"));
    }
}

/// <summary>The Indicators service in memory, calling a fake Objectives service that is also in memory.</summary>
public class IndicatorsHost : IDisposable
{
    private readonly WebApplication _objectives;

    public IndicatorsHost() : this(DefaultTree())
    {
    }

    protected IndicatorsHost(FakeTree tree)
    {
        Tree = tree;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(tree);
        _objectives = builder.Build();
        _objectives.MapGrpcService<FakeObjectivesService>();
        _objectives.Start();
        Factory = new ServiceFactory<IndicatorsGrpcService>()
            .WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => _objectives.GetTestServer().CreateHandler());
    }

    public FakeTree Tree { get; }
    public ServiceFactory<IndicatorsGrpcService> Factory { get; }

    public static FakeTree DefaultTree() => new("dup-test",
    [
        ("1", "Ambiente"), ("1.1", "Piano verde"), ("1.2", "Economia circolare"),
        ("2", "Rigenerazione"), ("2.1", "Centro storico"),
        ("3", "Vuota"),
    ]);

    public void Dispose()
    {
        Factory.Dispose();
        _objectives.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_objectives).Dispose();
        GC.SuppressFinalize(this);
    }
}
