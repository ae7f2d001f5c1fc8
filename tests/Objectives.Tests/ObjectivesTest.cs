namespace Objectives.Tests;

/// <summary>An API test of the Objectives service: <see cref="Grpc"/> and <c>Rest</c> as a tenant's user.</summary>
public abstract class ObjectivesTest(ServiceFactory<ObjectivesGrpcService> factory) : ApiTest<ObjectivesGrpcService>(factory)
{
    protected ObjectivesService.ObjectivesServiceClient Grpc(string tenant = "demo", params string[] roles) => new(Channel(tenant, roles));
}
