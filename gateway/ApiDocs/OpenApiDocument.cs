using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Platform.Gateway.ApiDocs;

/// <summary>
/// Builds the OpenAPI 3 description of every REST endpoint from the contracts themselves: the
/// <c>google.api.http</c> rule of each RPC gives the path and verb, its request message the path, query and
/// body parameters, and the messages the schemas (in their proto3 JSON form). Nothing is written by hand,
/// so the document cannot drift from the services.
/// </summary>
public static partial class OpenApiDocument
{
    public static JsonObject Build(IEnumerable<ServiceDescriptor> services, string title, string version) =>
        Build(services, title, version, ProtoComments.Embedded);

    public static JsonObject Build(IEnumerable<ServiceDescriptor> services, string title, string version, ProtoComments comments)
    {
        var paths = new JsonObject();
        var schemas = new SchemaSet(comments);
        var tags = new JsonArray();
        foreach (var service in services)
        {
            var tag = new JsonObject { ["name"] = service.Name };
            if (comments.For(service.FullName) is { } about) tag["description"] = about;
            tags.Add(tag);
            foreach (var method in service.Methods)
            {
                var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
                if (rule is null) continue;
                foreach (var binding in new[] { rule }.Concat(rule.AdditionalBindings))
                {
                    var (verb, template) = VerbAndPath(binding);
                    var route = Route.Parse(template);
                    var item = (JsonObject)(paths[route.OpenApiPath] ??= new JsonObject());
                    item[verb] = Operation(service, method, binding, route, schemas, comments);
                }
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = title, ["version"] = version },
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Definitions,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        };
    }

    private static JsonObject Operation(ServiceDescriptor service, MethodDescriptor method, HttpRule rule, Route route, SchemaSet schemas,
        ProtoComments comments)
    {
        var parameters = new JsonArray();
        foreach (var variable in route.Variables)
            parameters.Add(new JsonObject
            {
                ["name"] = variable.Name,
                ["in"] = "path",
                ["required"] = true,
                ["description"] = $"`{variable.FieldPath}` segment" + (comments.For(FieldOf(method.InputType, variable.FieldPath)) is { } about ? $": {about}" : ""),
                ["schema"] = new JsonObject { ["type"] = "string" },
            });

        var input = method.InputType;
        var bound = route.Variables.Select(v => v.FieldPath.Split('.')[0]).ToHashSet();
        if (rule.Body != "*")
        {
            foreach (var field in input.Fields.InFieldNumberOrder())
            {
                if (bound.Contains(field.Name) || field.Name == rule.Body) continue;
                if (field.FieldType == FieldType.Message && field.MessageType.FullName != "google.protobuf.FieldMask") continue;
                var parameter = new JsonObject
                {
                    ["name"] = field.Name,
                    ["in"] = "query",
                    ["schema"] = schemas.For(field),
                };
                if (comments.For(field.FullName) is { } about) parameter["description"] = about;
                if (FieldBehaviors.IsRequired(field, comments)) parameter["required"] = true;
                parameters.Add(parameter);
            }
        }

        var operation = new JsonObject
        {
            ["tags"] = new JsonArray(service.Name),
            ["operationId"] = $"{service.Name}_{method.Name}",
            ["summary"] = Humanize(method.Name),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = Json(schemas.Ref(method.OutputType)),
                },
                ["default"] = new JsonObject
                {
                    ["description"] = "Error as google.rpc.Status (400 invalid argument with field violations, 401, 403, 404, 409, 429, 503)",
                    ["content"] = Json(schemas.Status()),
                },
            },
        };
        if (comments.For(method.FullName) is { } description) operation["description"] = description;
        if (!string.IsNullOrEmpty(rule.Body))
        {
            var body = rule.Body == "*" ? schemas.Ref(input) : schemas.For(input.FindFieldByName(rule.Body));
            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(body) };
        }
        return operation;
    }

    /// <summary>Full name of the field a path like <c>plan.name</c> ends at.</summary>
    private static string FieldOf(MessageDescriptor message, string fieldPath)
    {
        var field = message.FindFieldByName(fieldPath.Split('.')[0]);
        return field is null ? fieldPath
            : fieldPath.Contains('.') && field.FieldType == FieldType.Message ? FieldOf(field.MessageType, fieldPath[(fieldPath.IndexOf('.') + 1)..])
            : field.FullName;
    }

    private static JsonObject Json(JsonNode schema) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static (string Verb, string Path) VerbAndPath(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
        _ => throw new InvalidOperationException("HTTP rule without a pattern"),
    };

    private static string Humanize(string name) => HumanizePattern().Replace(name, " $1").Trim();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex HumanizePattern();
}
