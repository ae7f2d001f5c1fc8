using Platform.Testing;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>
/// A service that misbehaves (huge error trailers, dying mid-call, refusing a body) costs only the call
/// that met it: other callers get their own answers, and the service is not marked down.
/// </summary>
public sealed class UpstreamFailureTests
{
    private const string Service = "/platform.finance.v1.FinanceService/";

    /// <summary>Echoes the request message after a pause; <c>Oversized</c> answers 100 KB of error trailers.</summary>
    private static async Task Misbehave(HttpContext context)
    {
        var method = context.Request.Path.Value![Service.Length..];
        var body = new MemoryStream();
        context.Response.ContentType = "application/grpc";
        switch (method)
        {
            case "Oversized":
                context.Response.Headers["grpc-status"] = "3";
                context.Response.Headers["grpc-message"] = new string('x', 100_000);
                return;
            case "RefusesBody":
                context.Response.Headers["grpc-status"] = "3";
                context.Response.Headers["grpc-message"] = "refused";
                return;
            case "DiesMidCall":
                // The first message of a streamed answer, then the replica is gone.
                await context.Response.Body.WriteAsync(GrpcFrames.Frame([1, 2, 3]));
                await context.Response.Body.FlushAsync();
                await Task.Delay(100);
                context.Abort();
                return;
        }
        await context.Request.Body.CopyToAsync(body);
        await Task.Delay(Random.Shared.Next(50, 250));
        await context.Response.Body.WriteAsync(body.ToArray());
        context.Response.AppendTrailer("grpc-status", "0");
    }

    [Fact]
    public async Task Oversized_error_trailers_fail_only_their_own_call_and_keep_the_service_up()
    {
        await using var service = await FakeService.StartAsync(Misbehave);
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);

        var attacker = Enumerable.Range(0, 20).Select(async i =>
        {
            await Task.Delay(i * 20);
            using var client = gateway.GrpcCaller();
            using var response = await client.SendAsync(GrpcFrames.Request(Service + "Oversized", [1]));
            await response.Content.ReadAsByteArrayAsync();
            return (Status: GrpcFrames.Status(response), Message: GrpcFrames.Message(response));
        }).ToList();
        var callers = Enumerable.Range(0, 60).Select(async i =>
        {
            await Task.Delay(i * 7);
            using var client = gateway.GrpcCaller();
            var mine = Encoding.UTF8.GetBytes($"budget of caller {i}");
            using var response = await client.SendAsync(GrpcFrames.Request(Service + "GetBudget", mine));
            var answer = GrpcFrames.FirstMessage(await response.Content.ReadAsByteArrayAsync());
            return (Expected: mine, Answer: answer, Status: GrpcFrames.Status(response));
        }).ToList();

        foreach (var (status, message) in await Task.WhenAll(attacker))
        {
            Assert.Equal("3", status);
            Assert.True(message.Length < 2048, $"{message.Length} characters forwarded");
            Assert.Contains("too large to forward", message);
        }
        foreach (var (expected, answer, status) in await Task.WhenAll(callers))
        {
            Assert.Equal("0", status);
            Assert.Equal(expected, answer);
        }
        var health = await HealthAsync(gateway);
        Assert.Equal("Healthy", health.GetProperty("clusters").GetProperty("finance").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_call_whose_service_dies_after_answering_began_ends_unavailable()
    {
        await using var service = await FakeService.StartAsync(Misbehave);
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        using var client = gateway.GrpcCaller();

        using var response = await client.SendAsync(GrpcFrames.Request(Service + "DiesMidCall", [1]),
            HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([1, 2, 3], GrpcFrames.FirstMessage(body));
        Assert.Equal("14", GrpcFrames.Status(response));
        Assert.Contains("finance", GrpcFrames.Message(response));
    }

    [Fact]
    public async Task A_body_the_service_refuses_keeps_the_services_answer()
    {
        await using var service = await FakeService.StartAsync(Misbehave);
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        using var client = gateway.GrpcCaller();

        for (var i = 0; i < 10; i++)
        {
            using var response = await client.SendAsync(GrpcFrames.Request(Service + "RefusesBody", new byte[1_000_000]));
            await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("3", GrpcFrames.Status(response));
        }
        var health = await HealthAsync(gateway);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    internal static async Task<JsonElement> HealthAsync(GatewayUnderTest gateway)
    {
        using var rest = gateway.RestCaller();
        return JsonDocument.Parse(await rest.GetStringAsync("/healthz")).RootElement;
    }
}
