using System.Net;
using Grpc.Core;

namespace Platform.Testing;

/// <summary>Starts many writers at the same moment and reports each one's outcome as a gRPC status code.</summary>
public static class ConcurrentWriters
{
    public static async Task<StatusCode[]> RunAsync(int writers, Func<int, Task<StatusCode>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, writers).Select(async i =>
        {
            await start.Task;
            return await write(i);
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(attempts);
    }

    /// <summary>The outcome of a gRPC call: OK or the status it failed with.</summary>
    public static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    /// <summary>The outcome of a REST call in gRPC terms (200 OK, 409 ABORTED); any other answer is UNKNOWN.</summary>
    public static async Task<StatusCode> OutcomeAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => StatusCode.OK,
            HttpStatusCode.Conflict => StatusCode.Aborted,
            _ => StatusCode.Unknown,
        };
    }
}
