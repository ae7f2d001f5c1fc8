using Grpc.Core;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Errors;

namespace Platform.Indicators.Definitions;

/// <summary>Checks linked objectives with the Objectives service (deadline and UNAVAILABLE from the shared client).</summary>
public sealed class ObjectiveLinks(ObjectivesService.ObjectivesServiceClient objectives)
{
    /// <summary>Adds a violation for every objective the Objectives service does not know.</summary>
    /// <remarks>Field names use the position in <paramref name="all"/>, the request's full list.</remarks>
    public async Task CheckAsync(IReadOnlyList<string> toCheck, IReadOnlyList<string> all, RequestValidator validator, CancellationToken ct)
    {
        foreach (var name in toCheck)
        {
            try
            {
                await objectives.GetObjectiveAsync(new GetObjectiveRequest { Name = name }, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                var i = all.ToList().IndexOf(name);
                validator.Add($"indicator.objectives[{i}]", $"{name} does not exist in the Objectives service");
            }
        }
    }
}
