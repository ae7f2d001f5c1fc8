using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace Platform.Testing;

/// <summary>Assertions on the error contract: gRPC status with details, and the same as REST JSON.</summary>
public static class ApiAssert
{
    /// <summary>Awaits a gRPC call that must fail with <paramref name="code"/>; returns its rich status.</summary>
    public static async Task<Google.Rpc.Status> GrpcFailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        return status!;
    }

    /// <summary>The field names of the BadRequest detail of a gRPC status.</summary>
    public static IReadOnlyList<string> ViolatedFields(this Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    /// <summary>Checks a REST error response and returns the fields named in its field violations.</summary>
    public static async Task<RestError> RestFailsAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var fields = new List<string>();
        string? reason = null;
        foreach (var detail in root.GetProperty("details").EnumerateArray())
        {
            var type = detail.GetProperty("@type").GetString();
            if (type == "type.googleapis.com/google.rpc.BadRequest")
                fields.AddRange(detail.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!));
            if (type == "type.googleapis.com/google.rpc.ErrorInfo")
                reason = detail.GetProperty("reason").GetString();
        }
        return new RestError(root.GetProperty("code").GetInt32(), root.GetProperty("message").GetString() ?? "", reason, fields);
    }
}

public sealed record RestError(int Code, string Message, string? Reason, IReadOnlyList<string> Fields);
