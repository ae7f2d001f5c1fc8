using System.Collections;
using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Refuses oversized values before anything else reads the request (access checks, rules, logs): a reference
/// (a resource name, id, code, token) holds at most <see cref="MaxReferenceLength"/> characters, any other text
/// <see cref="MaxTextLength"/>, a list or map <see cref="MaxItems"/> entries. Driven by the message descriptors,
/// so every RPC, present and future, gets the same bounds. A request within bounds costs one pass over its
/// text, message and list fields (the fields to look at are worked out once per message type); only a request
/// that breaks a bound is walked again to name each field.
/// </summary>
public sealed class RequestLimits : Interceptor
{
    public const int MaxReferenceLength = 1000;
    public const int MaxTextLength = 100_000;
    public const int MaxItems = 10_000;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    /// <summary>Throws INVALID_ARGUMENT naming each oversized field of <paramref name="request"/>.</summary>
    public static void Check(object? request)
    {
        if (request is not IMessage message || Fits(message)) return;
        var validator = new RequestValidator();
        Walk(message, "", validator);
        validator.ThrowIfInvalid();
    }

    private static readonly ConcurrentDictionary<MessageDescriptor, Bound[]> BoundsByType = new();

    /// <summary>A field that can break a bound: a text, a nested message, a list or a map.</summary>
    private sealed record Bound(IFieldAccessor Accessor, FieldType Type, int MaxLength, bool IsList, bool IsMap, FieldType MapValueType);

    private static Bound[] BoundsOf(MessageDescriptor type) => BoundsByType.GetOrAdd(type, static t => t.Fields.InFieldNumberOrder()
        .Where(f => f.IsRepeated || f.FieldType is FieldType.String or FieldType.Message or FieldType.Group)
        .Select(f => new Bound(f.Accessor, f.FieldType, IsReference(f.Name) ? MaxReferenceLength : MaxTextLength,
            f.IsRepeated && !f.IsMap, f.IsMap, f.IsMap ? f.MessageType.FindFieldByNumber(2).FieldType : default))
        .ToArray());

    private static bool Fits(IMessage message)
    {
        foreach (var bound in BoundsOf(message.Descriptor))
        {
            var value = bound.Accessor.GetValue(message);
            if (bound.IsMap)
            {
                var map = (IDictionary)value;
                if (map.Count > MaxItems) return false;
                foreach (DictionaryEntry entry in map)
                    if ((entry.Key is string key && key.Length > MaxReferenceLength) || !ItemFits(entry.Value, bound.MapValueType, MaxTextLength))
                        return false;
            }
            else if (bound.IsList)
            {
                var list = (IList)value;
                if (list.Count > MaxItems) return false;
                if (bound.Type is FieldType.String or FieldType.Message or FieldType.Group)
                    foreach (var item in list)
                        if (!ItemFits(item, bound.Type, bound.MaxLength)) return false;
            }
            else if (!ItemFits(value, bound.Type, bound.MaxLength)) return false;
        }
        return true;
    }

    private static bool ItemFits(object? value, FieldType type, int maxLength) => value switch
    {
        string text => text.Length <= maxLength,
        IMessage nested => Fits(nested),
        _ => true,
    };

    private static void Walk(IMessage message, string prefix, RequestValidator validator)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (validator.Violations.Count >= ErrorLimits.MaxViolations) return;
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            switch (value)
            {
                case IDictionary map:
                    if (!validator.Check(map.Count <= MaxItems, path, $"must have at most {MaxItems} entries (got {map.Count})")) break;
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = entry.Key.ToString() ?? "";
                        CheckText(key, MaxReferenceLength, $"{path}[key]", validator);
                        Item(entry.Value, field.MessageType.FindFieldByNumber(2), $"{path}[{ErrorLimits.Clip(key, 40)}]", validator);
                    }
                    break;
                case IList list:
                    if (!validator.Check(list.Count <= MaxItems, path, $"must have at most {MaxItems} items (got {list.Count})")) break;
                    for (var i = 0; i < list.Count; i++) Item(list[i], field, $"{path}[{i}]", validator);
                    break;
                default:
                    Item(value, field, path, validator);
                    break;
            }
        }
    }

    private static void Item(object? value, FieldDescriptor field, string path, RequestValidator validator)
    {
        switch (value)
        {
            case string text:
                CheckText(text, IsReference(field.Name) ? MaxReferenceLength : MaxTextLength, path, validator);
                break;
            case IMessage nested:
                Walk(nested, path + ".", validator);
                break;
        }
    }

    private static void CheckText(string text, int max, string path, RequestValidator validator) =>
        validator.Check(text.Length <= max, path, $"must be at most {max} characters (got {text.Length})");

    /// <summary>Fields that name or identify something: short by nature, and the ones error messages echo.</summary>
    private static bool IsReference(string field) =>
        field is "name" or "names" or "parent" or "other" or "etag" or "filter" or "query" or "resource" or "period"
            or "plan" or "objective" or "objectives" or "indicator" or "budget" or "investment" or "new_parent"
            or "parent_objective" or "code" or "level" or "year" or "stage"
        || field.EndsWith("_id", StringComparison.Ordinal) || field.EndsWith("_token", StringComparison.Ordinal)
        || field.EndsWith("_code", StringComparison.Ordinal) || field.EndsWith("_codes", StringComparison.Ordinal)
        || field.EndsWith("_name", StringComparison.Ordinal);
}
