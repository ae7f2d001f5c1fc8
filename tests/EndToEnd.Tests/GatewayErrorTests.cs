using Platform.Testing;
using Google.Protobuf;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.ServiceDefaults.Security;

namespace EndToEnd.Tests;

/// <summary>
/// The gateway's answers to mistakes and to attacks, through the real system: every error has a
/// google.rpc.Status body, a malformed gRPC body is the caller's error, and a caller whose error is huge
/// does not disturb anyone else's calls.
/// </summary>
public sealed class GatewayErrorTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    /// <summary>A wrong verb is 405 where the service's routing knows the path, 404 where it does not.</summary>
    [Theory]
    [InlineData("PUT", "/v1/plans")]
    [InlineData("POST", "/v1/plans/peg-2024")]
    [InlineData("GET", "/v1/plans/plans/peg-2024")]
    [InlineData("GET", "/v1/no-such-collection")]
    public async Task Wrong_methods_and_paths_answer_a_status_body_never_503(string method, string path)
    {
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
            using var response = await Platform.Rest.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{method} {path}: {(int)response.StatusCode} {body}");
            var status = JsonDocument.Parse(body).RootElement;
            Assert.NotEqual(0, status.GetProperty("code").GetInt32());
            Assert.Contains(path.Split(':')[0], status.GetProperty("message").GetString());
        }
    }

    /// <summary>
    /// A service answering an error without reading the body (routing's 404) must not cut the answer short:
    /// the gateway, still uploading, saw its upload reset and answered 400, 503 or ended the response early
    /// (a few in a thousand).
    /// </summary>
    [Fact]
    public async Task An_error_answered_before_the_body_is_read_reaches_the_caller_whole()
    {
        const int calls = 3000;
        var body = new string('a', 60_000);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            try
            {
                using var response = await Platform.Rest.PostAsync("/v1/plans/peg-2024",
                    new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) || !text.Contains("\"code\""))
                    failures.Add($"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.InnerException?.Message ?? e.Message);
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls}: {string.Join("; ", failures.Distinct().Take(3))}");
    }

    public static TheoryData<string, byte[]> MalformedBodies() => new()
    {
        { "length prefix longer than the body", [0, 0, 0, 0, 100, 1, 2, 3] },
        { "compressed flag without an encoding", [1, 0, 0, 0, 2, 8, 1] },
        { "shorter than a length prefix", [0, 0, 1] },
        { "not protobuf", [0, 0, 0, 0, 4, 0xff, 0xff, 0xff, 0xff] },
        { "two messages for a unary call", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_grpc_body_is_the_callers_error_not_unavailable(string what, byte[] body)
    {
        using var client = GrpcHttp();
        using var response = await client.SendAsync(GrpcFrames.Request("/platform.finance.v1.FinanceService/ListBudgets", body, framed: false));
        await response.Content.ReadAsByteArrayAsync();
        var status = GrpcStatus(response);
        Assert.True(status is StatusCode.InvalidArgument or StatusCode.Internal or StatusCode.Unimplemented or StatusCode.ResourceExhausted,
            $"{what}: {status}");
        Assert.NotEqual(StatusCode.Unavailable, status);
    }

    [Fact]
    public async Task While_one_caller_gets_huge_errors_everyone_elses_budget_reads_get_their_own_answers()
    {
        var finance = new FinanceService.FinanceServiceClient(Platform.Grpc);
        var names = new List<string>();
        foreach (var id in new[] { "noisy-a", "noisy-b", "noisy-c" })
            names.Add((await finance.CreateBudgetAsync(new CreateBudgetRequest
            {
                BudgetId = id,
                Budget = new Budget { Title = $"Budget {id}", FirstYear = 2024, LastYear = 2026 },
            })).Name);

        var attacker = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var client = GrpcHttp(Platform.Token("demo", "attacker", Roles.Reader));
            var request = new GetBudgetRequest { Name = "budgets/" + new string('x', 1_000_000) };
            using var response = await client.SendAsync(GrpcFrames.Request("/platform.finance.v1.FinanceService/GetBudget", request.ToByteArray()));
            await response.Content.ReadAsByteArrayAsync();
            return GrpcStatus(response);
        }).ToList();
        var readers = Enumerable.Range(0, 60).Select(async i =>
        {
            var name = names[i % names.Count];
            var budget = await finance.GetBudgetAsync(new GetBudgetRequest { Name = name });
            return (Asked: name, Got: budget.Name);
        }).ToList();

        foreach (var status in await Task.WhenAll(attacker)) Assert.NotEqual(StatusCode.Unavailable, status);
        foreach (var (asked, got) in await Task.WhenAll(readers)) Assert.Equal(asked, got);
    }

    private HttpClient GrpcHttp(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Platform.System.GrpcAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Platform.Token("demo", "e2e-admin", Roles.Admin));
        return client;
    }

    private static StatusCode GrpcStatus(HttpResponseMessage response)
    {
        var value = GrpcFrames.Status(response);
        Assert.True(value is not null, $"no grpc-status: HTTP {(int)response.StatusCode}");
        return (StatusCode)int.Parse(value!);
    }
}
