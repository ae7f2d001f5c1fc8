using Grpc.Core;

namespace Platform.Testing;

/// <summary>Races: many calls at once, and how each ended.</summary>
public static class Concurrent
{
    /// <summary>Runs <paramref name="count"/> calls at once (numbered from 1); returns each one's status (OK when it succeeded).</summary>
    public static Task<StatusCode[]> StatusesAsync(int count, Func<int, Task> call) =>
        Task.WhenAll(Enumerable.Range(1, count).Select(async i =>
        {
            try
            {
                await call(i);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));
}
