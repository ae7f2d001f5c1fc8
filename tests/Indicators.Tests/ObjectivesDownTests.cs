using System.Net;
using System.Net.Sockets;
using Platform.Objectives.V1;

namespace Indicators.Tests;

/// <summary>The Indicators service whose Objectives service refuses every connection.</summary>
public sealed class UnreachableObjectivesHost : ServiceFactory<IndicatorsGrpcService>
{
    public UnreachableObjectivesHost() => WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => new Unreachable());

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            throw new HttpRequestException("Connection refused (fake)", new SocketException((int)SocketError.ConnectionRefused));
        }
    }
}

/// <summary>The Indicators service whose Objectives service accepts calls and never answers.</summary>
public sealed class SilentObjectivesHost : ServiceFactory<IndicatorsGrpcService>
{
    public SilentObjectivesHost() => WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => new Hanging());

    private sealed class Hanging : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException();
        }
    }
}

public sealed class UnreachableObjectivesTests(UnreachableObjectivesHost host) : IndicatorsTest(host), IClassFixture<UnreachableObjectivesHost>
{
    [Fact]
    public async Task An_indicator_linked_to_an_objective_is_unavailable_with_a_clear_message()
    {
        var indicator = new Indicator { Title = "x", Objectives = { "plans/dup-test/objectives/1" } };
        var started = DateTime.UtcNow;

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.Unavailable, () =>
            Grpc().CreateIndicatorAsync(new CreateIndicatorRequest { IndicatorId = "x", Indicator = indicator }, Call()).ResponseAsync);

        Assert.Contains("objectives", status.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_scorecard_is_503_with_a_clear_message_over_rest()
    {
        var started = DateTime.UtcNow;

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.ServiceUnavailable,
            await Rest().GetAsync("/v1/scorecards/dup-test?year=2021", Cancellation));

        Assert.Contains("objectives", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}

public sealed class SilentObjectivesTests(SilentObjectivesHost host) : IndicatorsTest(host), IClassFixture<SilentObjectivesHost>
{
    [Fact]
    public async Task Objectives_that_never_answer_is_unavailable_within_the_deadline()
    {
        var started = DateTime.UtcNow;

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.Unavailable, () =>
            Grpc().GetScorecardAsync(new GetScorecardRequest { Plan = "dup-test", Year = 2021 }, Call()).ResponseAsync);

        var elapsed = DateTime.UtcNow - started;
        Assert.Contains("objectives", status.Message);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(9));
    }
}
