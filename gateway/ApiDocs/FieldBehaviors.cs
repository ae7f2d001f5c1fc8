using Google.Api;
using Google.Protobuf.Reflection;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// Whether a field is set by the service only, or must be given: from <c>google.api.field_behavior</c>, or
/// from the comment when it says so in AIP's words ("Output only.", "Required."); AIP-148's standard
/// timestamps of a resource are output only wherever they appear.
/// </summary>
public static class FieldBehaviors
{
    private static readonly HashSet<string> StandardOutputFields = ["create_time", "update_time", "delete_time", "uid"];

    public static bool IsOutputOnly(FieldDescriptor field, ProtoComments comments) =>
        Declared(field).Contains(FieldBehavior.OutputOnly) || ProtoComments.SaysOutputOnly(comments.For(field.FullName))
        || (StandardOutputFields.Contains(field.Name) && field.ContainingType.FindFieldByName("name") is not null);

    public static bool IsRequired(FieldDescriptor field, ProtoComments comments) =>
        Declared(field).Contains(FieldBehavior.Required) || ProtoComments.SaysRequired(comments.For(field.FullName));

    private static IReadOnlyCollection<FieldBehavior> Declared(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) is { } behaviors ? behaviors : [];
}
