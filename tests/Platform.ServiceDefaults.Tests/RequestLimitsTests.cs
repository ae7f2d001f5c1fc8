using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.ServiceDefaults.Errors;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The bounds pass over a request once; the fields named when one breaks come from the detailed walk, so the
/// fast pass must see every oversized value the walk would, however deep (maps, lists, oneofs, nesting).
/// </summary>
public sealed class RequestLimitsTests
{
    private static Value Text(int length) => Value.ForString(new string('x', length));

    private static IReadOnlyList<string> Violations(Struct request) =>
        Assert.Throws<RpcException>(() => RequestLimits.Check(request)).GetRpcStatus()!.ViolatedFields();

    [Fact]
    public void A_request_within_bounds_passes()
    {
        var request = new Struct { Fields = { ["a"] = Value.ForList(Text(RequestLimits.MaxTextLength), Value.ForNumber(1)) } };
        request.Fields["b"] = Value.ForStruct(new Struct { Fields = { ["c"] = Text(10) } });

        RequestLimits.Check(request);
    }

    [Fact]
    public void A_long_text_deep_in_a_map_of_lists_is_named()
    {
        var request = new Struct { Fields = { ["a"] = Value.ForList(Value.ForNumber(1), Text(RequestLimits.MaxTextLength + 1)) } };

        Assert.Equal(["fields[a].list_value.values[1].string_value"], Violations(request));
    }

    [Fact]
    public void A_long_map_key_is_named()
    {
        var key = new string('k', RequestLimits.MaxReferenceLength + 1);
        var request = new Struct { Fields = { [key] = Value.ForNumber(1) } };

        Assert.Equal(["fields[key]"], Violations(request));
    }

    [Fact]
    public void Too_many_numbers_in_a_list_are_refused_without_looking_at_them()
    {
        var list = new ListValue();
        for (var i = 0; i <= RequestLimits.MaxItems; i++) list.Values.Add(Value.ForNumber(i));
        var request = new Struct { Fields = { ["a"] = Value.ForList() } };
        request.Fields["a"].ListValue = list;

        Assert.Equal(["fields[a].list_value.values"], Violations(request));
    }
}
