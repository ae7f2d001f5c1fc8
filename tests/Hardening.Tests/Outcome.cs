using System.Net;
using Grpc.Core;

namespace Hardening.Tests;

/// <summary>What one call answered, reduced to what the suites judge: success, server fault, size of an error.</summary>
public sealed record Outcome(string Rpc, string Variant, string Transport, int HttpStatus, StatusCode? GrpcStatus,
    string Text, int ErrorSize)
{
    public bool Succeeded => GrpcStatus is { } code ? code == StatusCode.OK : HttpStatus is >= 200 and < 300;

    /// <summary>5xx over REST; UNKNOWN, INTERNAL, UNAVAILABLE or DATA_LOSS over gRPC (the gRPC faces of a 5xx).</summary>
    public bool IsServerFault => GrpcStatus is { } code
        ? code is StatusCode.Unknown or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss
        : HttpStatus >= 500;

    public string Status => GrpcStatus is { } code ? $"grpc {code}" : $"http {HttpStatus}";

    public override string ToString()
    {
        var text = Text.Length > 200 ? Text[..200] + "…" : Text;
        return $"{Rpc} [{Variant}, {Transport}] {Status} ({ErrorSize} B): {text.ReplaceLineEndings(" ")}";
    }

    public static Outcome FromHttp(string rpc, string variant, HttpStatusCode status, string body) =>
        new(rpc, variant, "rest", (int)status, null, body, (int)status >= 400 ? body.Length : 0);

    public static Outcome FromGrpc(string rpc, string variant, StatusCode status, string detail, Metadata trailers) =>
        new(rpc, variant, "grpc", 200, status, detail,
            status == StatusCode.OK ? 0 : detail.Length + trailers.Sum(t => t.Key.Length + (t.IsBinary ? t.ValueBytes.Length : t.Value.Length)));
}

/// <summary>Prints a suite's counts and offending calls to the test output and the console.</summary>
public static class Report
{
    public static string Summarize(string suite, int tried, IReadOnlyDictionary<string, IReadOnlyList<Outcome>> failures)
    {
        var lines = new List<string> { $"{suite}: {tried} calls tried; " + string.Join(", ", failures.Select(f => $"{f.Key}: {f.Value.Count}")) };
        foreach (var (kind, list) in failures.Where(f => f.Value.Count > 0))
        {
            lines.Add($"  {kind} ({list.Count}), by variant:");
            foreach (var group in list.GroupBy(o => o.Variant))
            {
                lines.Add($"    {group.Key}: {group.Count()}");
                lines.AddRange(group.Take(6).Select(o => "      " + o));
            }
        }
        var text = string.Join(Environment.NewLine, lines);
        Console.WriteLine(text);
        return text;
    }
}
