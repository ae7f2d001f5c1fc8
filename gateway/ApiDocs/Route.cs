using System.Text.RegularExpressions;

namespace Platform.Gateway.ApiDocs;

/// <summary>A path variable of an HTTP rule: <c>{name=plans/*}</c> binds field <c>name</c>.</summary>
public sealed record RouteVariable(string Name, string FieldPath);

/// <summary>
/// An HTTP rule template turned into an OpenAPI path: <c>/v1/{name=plans/*/objectives/*}:move</c> becomes
/// <c>/v1/plans/{plan}/objectives/{objective}:move</c>, one parameter per wildcard, named after the
/// collection before it.
/// </summary>
public sealed partial record Route(string OpenApiPath, IReadOnlyList<RouteVariable> Variables)
{
    public static Route Parse(string template)
    {
        var variables = new List<RouteVariable>();
        var path = VariablePattern().Replace(template, match =>
        {
            var field = match.Groups["field"].Value;
            if (!match.Groups["pattern"].Success)
            {
                variables.Add(new RouteVariable(field.Replace('.', '_'), field));
                return $"{{{field.Replace('.', '_')}}}";
            }
            var segments = match.Groups["pattern"].Value.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] is not ("*" or "**")) continue;
                var name = i > 0 ? Singular(segments[i - 1]) : field.Replace('.', '_');
                variables.Add(new RouteVariable(name, field));
                segments[i] = $"{{{name}}}";
            }
            return string.Join('/', segments);
        });
        return new Route(path, variables);
    }

    private static string Singular(string collection) =>
        collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
        : collection.EndsWith('s') ? collection[..^1]
        : collection;

    [GeneratedRegex(@"\{(?<field>[\w.]+)(=(?<pattern>[^}]+))?\}")]
    private static partial Regex VariablePattern();
}
