using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Decides whether an anonymous caller may make a public read (<see cref="AccessAttribute.PublicWhenPublished"/>):
/// only when what the request is about is public (a published plan, an approved budget...). Each service that
/// has public reads registers one.
/// </summary>
public interface IPublicReadPolicy
{
    /// <summary>Whether the request names something this policy judges (a plan, an indicator...).</summary>
    bool Covers(IMessage request) => PublicReads.PlanIdOf(request) is not null;

    Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken);
}

public static class PublicReads
{
    /// <summary>
    /// The plan id a request is about: a resource name under <c>plans/{id}</c> in its <c>name</c>,
    /// <c>parent</c>, <c>plan</c> or <c>objective</c> field, or a bare id in a <c>plan</c> field. Null when the
    /// request names no plan.
    /// </summary>
    public static string? PlanIdOf(IMessage request)
    {
        foreach (var field in request.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.String && !field.IsRepeated && field.Name is "name" or "parent" or "plan" or "objective")
            {
                var value = (string)field.Accessor.GetValue(request);
                if (PlanName.Owning(value) is { } plan) return plan.PlanId;
                if (field.Name == "plan" && value.Length > 0 && !value.Contains('/')) return value;
            }
        }
        return null;
    }

    /// <summary>The budget id a request is about: <c>budgets/{id}</c> or a name under it in its <c>name</c>, <c>parent</c> or <c>budget</c> field.</summary>
    public static string? BudgetIdOf(IMessage request) => OwnerIn(request, text => BudgetName.Owning(text)?.BudgetId, "name", "parent", "budget");

    /// <summary>The investment id a request is about: <c>investments/{id}</c> or a name under it in its <c>name</c> or <c>parent</c> field.</summary>
    public static string? InvestmentIdOf(IMessage request) => OwnerIn(request, text => InvestmentName.Owning(text)?.InvestmentId, "name", "parent");

    private static string? OwnerIn(IMessage request, Func<string, string?> owner, params string[] fields)
    {
        foreach (var field in request.Descriptor.Fields.InFieldNumberOrder())
            if (field.FieldType == FieldType.String && !field.IsRepeated && fields.Contains(field.Name) &&
                owner((string)field.Accessor.GetValue(request)) is { } id)
                return id;
        return null;
    }
}
