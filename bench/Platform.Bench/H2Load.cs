using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>One closed-loop run of h2load: throughput, latency percentiles from its per-request log, failures.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Succeeded, long Failed);

public static partial class H2Load
{
    /// <summary>A unary gRPC call: POST of <paramref name="bodyFile"/> (a framed message) to <paramref name="url"/>.</summary>
    public static Task<LoadResult> GrpcAsync(string url, string bodyFile, string token, int connections, int streams, TimeSpan duration) =>
        RunAsync(url, duration,
            ["-c", $"{connections}", "-m", $"{streams}", "-d", bodyFile,
             "-H", "content-type: application/grpc", "-H", "te: trailers", "-H", $"authorization: Bearer {token}"]);

    /// <summary>A REST GET over HTTP/1.1, one request in flight per connection.</summary>
    public static Task<LoadResult> RestAsync(string url, string token, int connections, TimeSpan duration) =>
        RunAsync(url, duration, ["--h1", "-c", $"{connections}", "-m", "1", "-H", $"authorization: Bearer {token}"]);

    private static async Task<LoadResult> RunAsync(string url, TimeSpan duration, IEnumerable<string> options)
    {
        var log = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) info.ArgumentList.Add(option);
            info.ArgumentList.Add("-D");
            info.ArgumentList.Add($"{(int)duration.TotalSeconds}");
            info.ArgumentList.Add($"--log-file={log}");
            info.ArgumentList.Add(url);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout;
            var finished = Finished().Match(output);
            var requests = Requests().Match(output);
            if (!finished.Success || !requests.Success)
                throw new InvalidOperationException($"h2load gave no result for {url}: {output}{await stderr}");
            // Columns: start (µs since epoch), HTTP status, µs to the end of the response.
            var latencies = File.ReadLines(log).Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[1].StartsWith('2'))
                .Select(c => double.Parse(c[2], CultureInfo.InvariantCulture) / 1000).ToList();
            return new LoadResult(double.Parse(finished.Groups[1].Value, CultureInfo.InvariantCulture),
                Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99),
                long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
                long.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups[3].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"(\d+) succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex Requests();
}
