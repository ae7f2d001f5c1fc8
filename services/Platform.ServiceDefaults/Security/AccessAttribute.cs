namespace Platform.ServiceDefaults.Security;

/// <summary>What a caller must be to use an RPC.</summary>
public enum AccessLevel
{
    /// <summary>Any signed-in role of the tenant (reader and up).</summary>
    Read,
    /// <summary>The service's writing role (planner for plans and indicators, finance for budgets) or admin.</summary>
    Write,
    /// <summary>Admin only: lifecycle changes, reopening closed periods, publishing.</summary>
    Admin,
}

/// <summary>
/// Declares the access an RPC needs; every RPC of a service declares one (calls to an RPC without it are
/// refused). With <see cref="PublicWhenPublished"/>, anonymous callers may use it for what the service's
/// <see cref="IPublicReadPolicy"/> finds public (published plans, approved budgets...).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AccessAttribute(AccessLevel level) : Attribute
{
    public AccessLevel Level { get; } = level;

    /// <summary>Anonymous reading is allowed when the service's public-read policy finds what the request is about public.</summary>
    public bool PublicWhenPublished { get; init; }

    /// <summary>A list anonymous callers may use: it then answers with what is published only.</summary>
    public bool PublicListing { get; init; }
}

/// <summary>Role names as they appear in tokens.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Planner = "planner";
    public const string Finance = "finance";
    public const string Reader = "reader";
}
