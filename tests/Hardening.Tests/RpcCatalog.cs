using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Hardening.Tests;

/// <summary>One REST binding of an RPC: verb, path template and body selector from its google.api.http rule.</summary>
public sealed record HttpBinding(string Verb, string Template, string Body);

/// <summary>One RPC of the public contract, read from the generated descriptors.</summary>
public sealed record Rpc(MethodDescriptor Method, IReadOnlyList<HttpBinding> Bindings)
{
    public string Service => Method.Service.FullName;
    public string Name => Method.Name;
    public MessageDescriptor Input => Method.InputType;
    /// <summary>A write is every RPC whose REST verb is not GET.</summary>
    public bool IsWrite => Bindings.Any(b => b.Verb != "GET");
    public bool IsList => Name.StartsWith("List", StringComparison.Ordinal) || Name.StartsWith("BatchGet", StringComparison.Ordinal);
    public override string ToString() => Name;
}

/// <summary>
/// Every RPC of the three services, found through their descriptors: a new RPC is covered by every suite
/// that enumerates this catalog without anyone adding it by hand.
/// </summary>
public static class RpcCatalog
{
    public static readonly IReadOnlyList<ServiceDescriptor> Services =
    [
        Platform.Objectives.V1.ObjectivesService.Descriptor,
        Platform.Indicators.V1.IndicatorsService.Descriptor,
        Platform.Finance.V1.FinanceService.Descriptor,
    ];

    public static readonly IReadOnlyList<Rpc> All = Services.SelectMany(s => s.Methods)
        .Where(m => !m.IsClientStreaming && !m.IsServerStreaming)
        .Select(m => new Rpc(m, BindingsOf(m))).ToList();

    private static List<HttpBinding> BindingsOf(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null) return [];
        return [Binding(rule), .. rule.AdditionalBindings.Select(Binding)];
    }

    private static HttpBinding Binding(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => new("GET", rule.Get, rule.Body),
        HttpRule.PatternOneofCase.Post => new("POST", rule.Post, rule.Body),
        HttpRule.PatternOneofCase.Patch => new("PATCH", rule.Patch, rule.Body),
        HttpRule.PatternOneofCase.Put => new("PUT", rule.Put, rule.Body),
        HttpRule.PatternOneofCase.Delete => new("DELETE", rule.Delete, rule.Body),
        _ => new(rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path, rule.Body),
    };

    /// <summary>A new, empty request message of the RPC's input type.</summary>
    public static IMessage NewRequest(this Rpc rpc) => (IMessage)Activator.CreateInstance(rpc.Input.ClrType)!;
}
