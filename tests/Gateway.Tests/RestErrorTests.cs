using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests;

/// <summary>Every REST error the gateway passes on or writes has a google.rpc.Status body naming the problem.</summary>
public sealed class RestErrorTests
{
    /// <summary>Answers as JSON transcoding does for a path or verb it has no method for: an empty 404 or 405.</summary>
    private static Task Route(HttpContext context)
    {
        context.Response.StatusCode = context.Request.Path.StartsWithSegments("/v1/plans/plans")
            ? StatusCodes.Status404NotFound
            : context.Request.Method == "GET" ? StatusCodes.Status200OK : StatusCodes.Status405MethodNotAllowed;
        if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed) context.Response.Headers.Allow = "GET";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_wrong_method_answers_405_with_a_status_body_never_503()
    {
        await using var service = await FakeService.StartAsync(Route);
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        for (var i = 0; i < 30; i++)
        {
            using var client = gateway.RestCaller();
            using var response = await client.PostAsync("/v1/plans/peg-2024", new StringContent(new string(' ', 10_000)));
            var status = await StatusAsync(response);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(12, status.GetProperty("code").GetInt32());
            Assert.Contains("POST is not allowed on /v1/plans/peg-2024", status.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("/v1/plans/plans/peg-2024", "repeats 'plans/'")]
    [InlineData("/v1/nothing-here", "No API method matches GET /v1/nothing-here")]
    [InlineData("/elsewhere", "No API method matches GET /elsewhere")]
    public async Task A_path_no_method_serves_answers_404_with_a_status_body_naming_it(string path, string named)
    {
        await using var service = await FakeService.StartAsync(Route);
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        using var client = gateway.RestCaller();

        using var response = await client.GetAsync(path);
        var status = await StatusAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(5, status.GetProperty("code").GetInt32());
        Assert.Contains(named, status.GetProperty("message").GetString());
    }

    private static async Task<JsonElement> StatusAsync(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
