using Grpc.Core;
using Platform.Indicators.V1;

namespace EndToEnd.Tests;

/// <summary>
/// gRPC calls in flight on a replica that is killed fail with UNAVAILABLE, the code standard client retry
/// policies retry, never INTERNAL or CANCELLED.
/// </summary>
public sealed class ReplicaLossGrpcTests
{
    [Fact]
    public async Task Grpc_calls_lost_with_a_killed_replica_fail_unavailable()
    {
        await using var platform = await RunningPlatform.StartAsync(replicas: new Dictionary<string, int> { ["indicators"] = 2 });
        var client = new IndicatorsService.IndicatorsServiceClient(platform.Grpc);
        await client.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "replicated",
            Indicator = new Indicator { Title = "Served by two replicas", Unit = "%" },
        });

        const int requests = 300;
        var next = 0;
        var codes = new System.Collections.Concurrent.ConcurrentBag<StatusCode>();
        var details = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var n && n <= requests)
            {
                if (n == requests / 3) platform.System.Child("indicators-1").Kill();
                try
                {
                    await client.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 500 });
                    codes.Add(StatusCode.OK);
                }
                catch (RpcException e)
                {
                    codes.Add(e.StatusCode);
                    details.Add($"{e.StatusCode}: {e.Status.Detail} {e.Status.DebugException?.GetBaseException().Message}");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Worker()));

        var failures = codes.Where(c => c != StatusCode.OK).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(failures.Keys.All(c => c == StatusCode.Unavailable),
            $"failures by code: {string.Join(", ", failures.Select(f => $"{f.Key}={f.Value}"))}\n{string.Join('\n', details)}\n{platform.Log}");
        Assert.Equal(requests, codes.Count);
    }
}
