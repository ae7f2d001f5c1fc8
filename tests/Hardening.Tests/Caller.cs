using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Hardening.Tests;

/// <summary>
/// Sends any RPC of the catalog, over gRPC as raw protobuf bytes (so malformed bytes can be sent too) or over
/// REST as its google.api.http rule maps the same request, with a given token and extra headers.
/// </summary>
public sealed partial class Caller(GrpcChannel channel, HttpClient http)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(false));
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public async Task<Outcome> GrpcAsync(Rpc rpc, string variant, byte[] request, string? token,
        IEnumerable<(string, string)>? headers = null)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, rpc.Service, rpc.Name, Bytes, Bytes);
        var metadata = new Metadata();
        if (token is not null) metadata.Add("authorization", $"Bearer {token}");
        foreach (var (key, value) in headers ?? []) metadata.Add(key, value);
        var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null,
            new CallOptions(metadata, DateTime.UtcNow.Add(Deadline)), request);
        try
        {
            await call.ResponseAsync;
            return Outcome.FromGrpc(rpc.Name, variant, StatusCode.OK, "", call.GetTrailers());
        }
        catch (RpcException ex)
        {
            return Outcome.FromGrpc(rpc.Name, variant, ex.StatusCode, ex.Status.Detail, ex.Trailers);
        }
    }

    public Task<Outcome> GrpcAsync(Rpc rpc, string variant, IMessage request, string? token,
        IEnumerable<(string, string)>? headers = null) => GrpcAsync(rpc, variant, request.ToByteArray(), token, headers);

    /// <summary>The REST request of the RPC's first binding for <paramref name="request"/>.</summary>
    public static HttpRequestMessage RestRequest(Rpc rpc, IMessage request, HttpBinding? binding = null)
    {
        binding ??= rpc.Bindings[0];
        var bound = new HashSet<string>();
        var path = Variable().Replace(binding.Template, m =>
        {
            var field = m.Groups[1].Value;
            bound.Add(field.Split('.')[0]);
            var value = ValueAt(request, field) as string ?? "";
            var segments = m.Groups[2].Success ? value.Split('/') : [value];
            return string.Join('/', segments.Select(Uri.EscapeDataString));
        });
        var message = new HttpRequestMessage(new HttpMethod(binding.Verb), path);
        var query = new List<string>();
        foreach (var field in request.Descriptor.Fields.InFieldNumberOrder())
        {
            if (binding.Body == "*" || field.Name == binding.Body || bound.Contains(field.Name)) continue;
            query.AddRange(QueryValues(field, field.Accessor.GetValue(request)));
        }
        if (query.Count > 0) message.RequestUri = new Uri(path + "?" + string.Join('&', query), UriKind.Relative);
        if (binding.Body.Length > 0)
        {
            var body = binding.Body == "*" ? request : request.Descriptor.FindFieldByName(binding.Body).Accessor.GetValue(request) as IMessage;
            message.Content = new StringContent(body is null ? "{}" : Json.Format(body), Encoding.UTF8, "application/json");
        }
        return message;
    }

    public async Task<Outcome> RestAsync(string rpc, string variant, HttpRequestMessage request, string? token,
        IEnumerable<(string, string)>? headers = null)
    {
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        foreach (var (key, value) in headers ?? []) request.Headers.TryAddWithoutValidation(key, value);
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return Outcome.FromHttp(rpc, variant, response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (HttpRequestException ex)
        {
            // The server closed the connection while an oversized body was still being sent (a refusal, not a fault).
            return new Outcome(rpc, variant, "rest", 0, null, "connection closed: " + ex.Message, 0);
        }
    }

    private static IEnumerable<string> QueryValues(FieldDescriptor field, object? value)
    {
        var name = field.JsonName;
        switch (value)
        {
            case null:
                yield break;
            case FieldMask mask when mask.Paths.Count > 0:
                yield return $"{name}={Uri.EscapeDataString(string.Join(',', mask.Paths.Select(ToCamel)))}";
                break;
            case IMessage:
                yield break;
            case System.Collections.IList list when field.IsRepeated:
                foreach (var item in list) yield return $"{name}={Uri.EscapeDataString(Scalar(item))}";
                break;
            default:
                if (!IsDefault(value)) yield return $"{name}={Uri.EscapeDataString(Scalar(value))}";
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        System.Enum e => e.ToString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsDefault(object value) => value switch
    {
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        System.Enum e => Convert.ToInt32(e) == 0,
        _ => false,
    };

    private static string ToCamel(string path) =>
        string.Join('.', path.Split('.').Select(p => Regex.Replace(p, "_([a-z])", m => m.Groups[1].Value.ToUpperInvariant())));

    /// <summary>The value at a dotted field path (<c>plan.name</c>).</summary>
    public static object? ValueAt(IMessage message, string path)
    {
        object? current = message;
        foreach (var part in path.Split('.'))
        {
            if (current is not IMessage m) return null;
            current = m.Descriptor.FindFieldByName(part)?.Accessor.GetValue(m);
        }
        return current;
    }

    [GeneratedRegex(@"\{([a-z_.]+)(=[^}]*)?\}")]
    private static partial Regex Variable();
}
