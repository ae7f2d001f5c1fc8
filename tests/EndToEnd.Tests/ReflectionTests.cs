using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using Platform.Objectives.V1;

namespace EndToEnd.Tests;

/// <summary>
/// What a generic client (grpcurl, Postman) does against the gateway: discover the services through server
/// reflection, then call a method knowing nothing but the descriptors it received.
/// </summary>
public sealed class ReflectionTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Gateway_lists_all_three_services()
    {
        var services = await ReflectAsync(new ServerReflectionRequest { ListServices = "" });

        var names = services.Single().ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("platform.objectives.v1.ObjectivesService", names);
        Assert.Contains("platform.indicators.v1.IndicatorsService", names);
        Assert.Contains("platform.finance.v1.FinanceService", names);
    }

    [Fact]
    public async Task Generic_client_calls_get_plan_from_reflected_descriptors_only()
    {
        await new ObjectivesService.ObjectivesServiceClient(Platform.Grpc).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = "reflected",
            Plan = new Plan { Title = "Seen by reflection", Kind = Plan.Types.Kind.Piao, StartYear = 2024, EndYear = 2026 },
        });

        var answer = await ReflectAsync(new ServerReflectionRequest { FileContainingSymbol = "platform.objectives.v1.ObjectivesService" });
        var files = BuildInDependencyOrder(answer.Single().FileDescriptorResponse.FileDescriptorProto);
        var service = files.SelectMany(f => f.Services).Single(s => s.FullName == "platform.objectives.v1.ObjectivesService");
        var getPlan = service.FindMethodByName("GetPlan");

        // Encode the request by hand from the descriptor: field "name", a string.
        var nameField = getPlan.InputType.FindFieldByName("name");
        var request = new MemoryStream();
        var output = new CodedOutputStream(request);
        output.WriteTag(nameField.FieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteString("plans/reflected");
        output.Flush();

        var method = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, getPlan.Name,
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var response = await Platform.Grpc.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), request.ToArray());


        var titleNumber = getPlan.OutputType.FindFieldByName("title").FieldNumber;
        Assert.Equal("Seen by reflection", ReadStringField(response, titleNumber));
    }

    private async Task<List<ServerReflectionResponse>> ReflectAsync(ServerReflectionRequest request)
    {
        var client = new ServerReflection.ServerReflectionClient(Platform.Grpc);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        var responses = new List<ServerReflectionResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync()) responses.Add(response);
        return responses;
    }

    private static IReadOnlyList<FileDescriptor> BuildInDependencyOrder(IEnumerable<ByteString> files)
    {
        var protos = files.Select(f => (Bytes: f, Proto: FileDescriptorProto.Parser.ParseFrom(f))).ToList();
        var ordered = new List<ByteString>();
        var done = new HashSet<string>();
        void Visit(string name)
        {
            if (!done.Add(name)) return;
            var entry = protos.Single(p => p.Proto.Name == name);
            foreach (var dependency in entry.Proto.Dependency) Visit(dependency);
            ordered.Add(entry.Bytes);
        }
        foreach (var (_, proto) in protos) Visit(proto.Name);
        return FileDescriptor.BuildFromByteStrings(ordered);
    }

    private static string? ReadStringField(byte[] message, int fieldNumber)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == fieldNumber) return input.ReadString();
            input.SkipLastField();
        }
        return null;
    }
}
