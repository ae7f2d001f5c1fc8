using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Hardening.Tests;

/// <summary>
/// A seeded generator of malformed requests: values that break types, sizes and syntax, set into one field of
/// an otherwise valid request (gRPC) or written into its JSON, path or query (REST), and raw bytes that are no
/// valid protobuf message at all.
/// </summary>
public sealed class MalformedInputs(int seed)
{
    public const int Huge = 1 << 20;
    private readonly Random _random = new(seed);

    private static readonly string[] Strings =
    [
        new('x', Huge), "plans/" + new string('x', 100_000), "", " ", "../../etc/passwd", "plans/../budgets/x", "plans/",
        "plans/a/objectives/", "indicators/*", "'; DROP TABLE plans; --", "\" OR 1=1 --", "<script>alert(1)</script>",
        "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "\0", "\u202e\u0000\uFEFF", "😀😀😀", "%00%2e%2e%2f", "a,b,,c", ",,,",
        "*", "-", "9999999999999999999999999", "-1", "1e309", "NaN", "2024-S1", "0903", "1.234", string.Concat(Enumerable.Repeat("ÿ", 5000)),
    ];

    private static readonly long[] Numbers = [0, -1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1_000_000_000, 2_200, 1_899];

    public T Pick<T>(IList<T> items) => items[_random.Next(items.Count)];
    public int Next(int max) => _random.Next(max);

    /// <summary>A copy of <paramref name="valid"/> with one field (possibly nested one level) set to a hostile value.</summary>
    public IMessage Mutate(IMessage valid)
    {
        var copy = valid.Descriptor.Parser.ParseFrom(valid.ToByteString());
        var target = copy;
        var field = Pick<FieldDescriptor>(target.Descriptor.Fields.InFieldNumberOrder());
        if (field.FieldType == FieldType.Message && !field.IsRepeated && field.Accessor.GetValue(target) is IMessage nested
            && nested.Descriptor.Fields.InFieldNumberOrder().Count > 0 && _random.Next(2) == 0)
        {
            target = nested;
            field = Pick<FieldDescriptor>(nested.Descriptor.Fields.InFieldNumberOrder());
        }
        SetHostile(target, field);
        return copy;
    }

    private void SetHostile(IMessage message, FieldDescriptor field)
    {
        object? value = field.FieldType switch
        {
            FieldType.String => Pick(Strings),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Math.Clamp(Pick(Numbers), int.MinValue, int.MaxValue),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(Numbers),
            FieldType.Bool => true,
            FieldType.Enum => _random.Next(2) == 0 ? 999 : -1,
            FieldType.Double => Pick(new[] { double.MaxValue, double.NaN, double.NegativeInfinity, 1e-320 }),
            FieldType.Message when field.MessageType.FullName == "google.protobuf.FieldMask" =>
                new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { Pick(new[] { "", ",,,", "nope", "name", "etag", new string('m', Huge), "title,title" }) } },
            _ => null,
        };
        if (value is null) return;
        if (field.FieldType == FieldType.Enum) value = Enum.ToObject(field.Accessor.GetValue(message).GetType(), value);
        if (field.IsRepeated)
        {
            var list = (System.Collections.IList)field.Accessor.GetValue(message);
            var count = _random.Next(3) == 0 ? 2_000 : 1;
            for (var i = 0; i < count && !field.IsMap; i++) list.Add(value);
        }
        else if (!field.IsMap)
        {
            field.Accessor.SetValue(message, value);
        }
    }

    /// <summary>Bytes that are not a valid message: random, truncated, wrong wire types, deep nesting, bad lengths.</summary>
    public byte[] MalformedProtobuf(IMessage valid)
    {
        var bytes = valid.ToByteArray();
        switch (_random.Next(6))
        {
            case 0:
                var random = new byte[_random.Next(1, 512)];
                _random.NextBytes(random);
                return random;
            case 1:
                return bytes.Length > 1 ? bytes[..^1] : [0x0A, 0x05, 0x61];
            case 2:
                return [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x61];
            case 3:
                // Field 1 as a 32-bit fixed where a string is expected, then an unterminated varint.
                return [0x0D, 0x01, 0x02, 0x03, 0x04, 0x10, 0xFF, 0xFF, 0xFF];
            case 4:
                return DeepNesting(2_000);
            default:
                return [.. bytes, 0x07, 0x00]; // wire type 7 does not exist
        }
    }

    /// <summary>Length-delimited field 2 nested <paramref name="depth"/> times (deeper than protobuf's recursion limit).</summary>
    private static byte[] DeepNesting(int depth)
    {
        var inner = Array.Empty<byte>();
        for (var i = 0; i < depth; i++)
        {
            using var stream = new MemoryStream();
            var output = new CodedOutputStream(stream);
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(inner));
            output.Flush();
            inner = stream.ToArray();
        }
        return inner;
    }

    /// <summary>A JSON body that is wrong in one way: types, nesting, encoding, numbers, syntax, unknown fields.</summary>
    public byte[] MalformedJson(string validJson)
    {
        var body = validJson.TrimEnd();
        var inner = body.Length > 2 ? body[1..^1] : "";
        var sep = inner.Length > 0 ? "," : "";
        string text = _random.Next(10) switch
        {
            0 => "{" + inner + sep + "\"title\":12345,\"startYear\":\"abc\",\"firstYear\":\"2027\",\"totalCost\":1234.56}",
            1 => new string('[', 10_000) + new string(']', 10_000),
            2 => "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_001),
            3 => "{" + inner + sep + "\"title\":\"" + new string('x', Huge) + "\"}",
            4 => "{" + inner + sep + "\"startYear\":1e309,\"pageSize\":-9223372036854775809,\"amount\":\"1.234\"}",
            5 => body.Length > 3 ? body[..(body.Length / 2)] : "{",
            6 => "{" + inner + sep + "\"unknownField\":true,\"@type\":\"x\"}",
            7 => "null",
            8 => "[" + body + "]",
            _ => "",
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (_random.Next(10) == 0) return [.. bytes.Take(bytes.Length / 2), 0xC3, 0x28, 0xFF, 0xFE, .. bytes.Skip(bytes.Length / 2)];
        return bytes;
    }

    /// <summary>Query parameters that are wrong: page sizes, tokens, masks, unknown names.</summary>
    public string MalformedQuery() => Pick(new[]
    {
        "pageSize=-1", "pageSize=abc", "pageSize=99999999999", "pageToken=not-a-token", "pageToken=" + new string('A', 20_000),
        "updateMask=", "updateMask=,,,", "updateMask=nope", "pagesize=10", "filter=%27%3B--", "orderBy=" + new string('z', 10_000),
        "year=-99999", "allowMissing=maybe",
    });
}
