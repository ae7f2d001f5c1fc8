namespace Indicators.Tests;

/// <summary>The Indicators service in memory, calling a fake Objectives service that serves <see cref="Plan"/>.</summary>
public class IndicatorsHost : ServiceFactory<IndicatorsGrpcService>
{
    public IndicatorsHost() : this(DefaultPlan())
    {
    }

    protected IndicatorsHost(FakePlan plan)
    {
        Plan = plan;
        this.WithFakeObjectives(plan);
    }

    public FakePlan Plan { get; }

    public static FakePlan DefaultPlan() => FakePlan.FromCodes("dup-test",
    [
        ("1", "Ambiente"), ("1.1", "Piano verde"), ("1.2", "Economia circolare"),
        ("2", "Rigenerazione"), ("2.1", "Centro storico"),
        ("3", "Vuota"),
    ]);
}

/// <summary>An API test of the Indicators service: <see cref="Grpc"/> and <c>Rest</c> as a tenant's user.</summary>
public abstract class IndicatorsTest(ServiceFactory<IndicatorsGrpcService> factory) : ApiTest<IndicatorsGrpcService>(factory)
{
    protected IndicatorsService.IndicatorsServiceClient Grpc(string tenant = "demo", params string[] roles) => new(Channel(tenant, roles));
}
