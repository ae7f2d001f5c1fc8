using System.Diagnostics.CodeAnalysis;

namespace Platform.Names;

/// <summary>
/// A resource name of the public contracts (AIP-122), parsed the same way by the service that owns the resource
/// and by every service or client that links to it.
/// </summary>
public interface IResourceName<TSelf> where TSelf : struct, IResourceName<TSelf>
{
    /// <summary>What a valid name looks like, for error messages: <c>plans/{plan}</c>.</summary>
    static abstract string Pattern { get; }

    static abstract bool TryParse([NotNullWhen(true)] string? text, out TSelf name);
}
