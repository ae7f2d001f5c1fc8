using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>
/// Refused tokens through the public contract: at the gateway (REST and gRPC) and at a service reached
/// directly, which validates again and must not read a refused token as an anonymous call.
/// </summary>
public sealed class TokenRefusalTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "{0},\"tenant\":[\"demo\",\"comune-b\"]", "single string" },
        { "{0},\"tenant\":\"comune-b\",\"tenant\":\"demo\"", "more than once" },
        { "{0},\"tenant\":7", "single string" },
        { "{0},\"tenant\":{{\"id\":\"demo\"}}", "single string" },
        { "other-key", "signed with another key" },
        { "expired", "expired" },
        { "not-a-jwt", "malformed" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_token_is_401_saying_why_at_the_gateway_and_at_the_service(string kind, string why)
    {
        var token = TokenOf(kind);

        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.RestWithToken(token).GetAsync("/v1/plans"));
        Assert.Contains(why, rest.Message);
        var viaGateway = await ApiAssert.GrpcFailsAsync(StatusCode.Unauthenticated, () =>
            new ObjectivesService.ObjectivesServiceClient(Platform.GrpcWithToken(token)).ListPlansAsync(new ListPlansRequest()).ResponseAsync);
        Assert.Contains(why, viaGateway.Message);

        using var direct = GrpcChannel.ForAddress(Platform.System.Child("objectives").Address);
        var atService = await ApiAssert.GrpcFailsAsync(StatusCode.Unauthenticated, () =>
            new ObjectivesService.ObjectivesServiceClient(direct).ListPlansAsync(new ListPlansRequest(),
                new Metadata { { "authorization", $"Bearer {token}" } }).ResponseAsync);
        Assert.Contains(why, atService.Message);
    }

    private string TokenOf(string kind) => kind switch
    {
        "other-key" => PlatformTokens.Create(PlatformTokens.NewKey(), "mallory", "demo", [Roles.Admin], TimeSpan.FromHours(1)),
        "expired" => PlatformTokens.Create(Platform.System.SigningKey, "late", "demo", [Roles.Admin], TimeSpan.FromMinutes(1),
            now: DateTime.UtcNow.AddHours(-2)),
        "not-a-jwt" => kind,
        _ => RawTokens.Sign(Platform.System.SigningKey, "{" + string.Format(kind, RawTokens.StandardClaims()) + "}"),
    };
}
