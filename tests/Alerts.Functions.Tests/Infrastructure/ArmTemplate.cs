using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alerts.Tests.Infrastructure;

/// <summary>Reads a compiled ARM template: every resource, including those of nested module deployments.</summary>
internal static partial class ArmTemplate
{
    /// <summary>A resource and the (module) template that declares it.</summary>
    public sealed record Resource(JsonObject Node, JsonObject Template)
    {
        public string Type => (string)Node["type"]!;

        public JsonObject Properties => Node["properties"] as JsonObject ?? [];

        /// <summary>An object variable of the declaring template, or null when it is an expression.</summary>
        public JsonObject? ObjectVariable(string name) => Template["variables"]?[name] as JsonObject;
    }

    public static IEnumerable<Resource> Resources(JsonObject template)
    {
        foreach (var node in (template["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return new Resource(node, template);
            if ((node["properties"] as JsonObject)?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<Resource> OfType(JsonObject template, string type)
        => Resources(template).Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public static Resource Single(JsonObject template, string type) => Assert.Single(OfType(template, type));

    /// <summary>Names in <c>variables('x')</c> references of an ARM expression.</summary>
    public static IEnumerable<string> VariableReferences(string expression)
        => VariableReference().Matches(expression).Select(m => m.Groups[1].Value);

    /// <summary>Every string anywhere in the node, with its JSON path.</summary>
    public static IEnumerable<(string Path, string Value)> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var s in Strings(child))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                yield return (v.GetPath(), text);
                break;
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
