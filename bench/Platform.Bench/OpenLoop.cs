using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Platform.Bench;

/// <summary>What an open-loop run saw: latencies of the served calls, calls shed (429/503), other failures.</summary>
public sealed record OpenLoopResult(IReadOnlyList<double> ServedMs, int Shed, int Failed, int RetryAfterMissing)
{
    public double P50 => Stats.Percentile(ServedMs, 50);
    public double P99 => Stats.Percentile(ServedMs, 99);
}

/// <summary>
/// Requests sent at a fixed arrival rate whatever the answers do (open loop), so a slow server shows as
/// latency and queueing instead of slowing the client down. Each call has a deadline.
/// </summary>
public static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(HttpClient client, string path, double perSecond, TimeSpan duration,
        TimeSpan? deadline = null)
    {
        var served = new ConcurrentBag<double>();
        int shed = 0, failed = 0, retryAfterMissing = 0;
        var total = (int)(perSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var calls = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            calls.Add(CallAsync());
        }
        await Task.WhenAll(calls);
        return new OpenLoopResult(served.ToList(), shed, failed, retryAfterMissing);

        async Task CallAsync()
        {
            var watch = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(10));
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, timeout.Token);
                if (response.IsSuccessStatusCode) served.Add(watch.Elapsed.TotalMilliseconds);
                else if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref shed);
                    if (response.Headers.RetryAfter is null) Interlocked.Increment(ref retryAfterMissing);
                }
                else Interlocked.Increment(ref failed);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }

    /// <summary>One call at a time, for unloaded latency.</summary>
    public static async Task<IReadOnlyList<double>> SequentialAsync(HttpClient client, string path, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
