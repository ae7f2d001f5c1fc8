using Platform.ServiceDefaults.Errors;

namespace Objectives.Tests;

/// <summary>
/// Oversized values are refused before anything reads them, errors stay small whatever the input, and bytes that
/// are not protobuf are the client's mistake (issue 9, defects 1 and 3).
/// </summary>
public sealed class InputBoundsTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    /// <summary>Well under the 64 KB that proxies allow for a whole header block.</summary>
    private const int MaxErrorBytes = 16 * 1024;

    private static int TrailerBytes(RpcException ex) =>
        ex.Trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length)) + ex.Status.Detail.Length;

    [Fact]
    public async Task A_megabyte_programme_code_is_refused_with_a_short_error_over_grpc()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Grpc().CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = "plans/no-such-plan", ObjectiveId = "1",
            Objective = new Objective { Title = "x", ProgrammeCodes = { new string('9', 1_000_000) } },
        }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["objective.programme_codes[0]"], ex.GetRpcStatus()!.ViolatedFields());
        Assert.Contains("at most 1000 characters", ex.Status.Detail);
        Assert.True(TrailerBytes(ex) < MaxErrorBytes, $"{TrailerBytes(ex)} bytes of trailers");
    }

    [Fact]
    public async Task A_megabyte_programme_code_is_refused_with_a_short_error_over_rest()
    {
        var body = $$"""{"title":"x","programmeCodes":["{{new string('9', 1_000_000)}}"]}""";
        var response = await Rest().PostJsonAsync("/v1/plans/no-such-plan/objectives?objective_id=1", body, Cancellation);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["objective.programme_codes[0]"], error.Fields);
        Assert.True(response.Content.Headers.ContentLength < MaxErrorBytes, $"{response.Content.Headers.ContentLength} bytes");
    }

    [Fact]
    public async Task An_oversized_name_is_refused_before_the_access_check()
    {
        var anonymous = new ObjectivesService.ObjectivesServiceClient(AnonymousChannel());

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            anonymous.GetObjectiveAsync(new GetObjectiveRequest { Name = "plans/p/objectives/" + new string('x', 100_000) }, Call()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["name"], ex.GetRpcStatus()!.ViolatedFields());
        Assert.True(TrailerBytes(ex) < MaxErrorBytes, $"{TrailerBytes(ex)} bytes of trailers");
    }

    [Fact]
    public async Task Many_oversized_values_list_the_first_violations_and_the_total()
    {
        var objective = new Objective { Title = "x" };
        for (var i = 0; i < 200; i++) objective.ProgrammeCodes.Add(new string('9', RequestLimits.MaxReferenceLength + 1));

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => Grpc().CreateObjectiveAsync(
            new CreateObjectiveRequest { Parent = "plans/p", ObjectiveId = "1", Objective = objective }, Call()).ResponseAsync);

        Assert.Equal(ErrorLimits.MaxViolations, status.ViolatedFields().Count);
        Assert.Contains("more)", status.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x7f, 0x01 })]          // field 1 claims 127 bytes, has 1
    [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff })] // invalid tag
    public async Task Bytes_that_are_not_protobuf_are_invalid_argument_even_anonymously(byte[] body)
    {
        var invoker = AnonymousChannel().CreateCallInvoker();
        var raw = Marshallers.Create((byte[] b) => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "platform.objectives.v1.ObjectivesService", "GetPlan", raw, raw);

        var ex = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(method, null, Call(), body).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["body"], ex.GetRpcStatus()!.ViolatedFields());
    }
}
