#if NET
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
#endif
using System.Text.Json;
using Json.Pointer;
using Json.Schema;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Core.Config;

/// <summary>
/// Validates a config document against <see cref="ConfigSchema"/> with JsonSchema.Net and turns each failure
/// into a message at the YAML node it is about: the instance location (a JSON pointer) leads back to the node,
/// the evaluation path to the schema that failed, whose keywords and title give the words. An unknown key is
/// reported at the key, with the nearest known one.
/// </summary>
internal sealed class ConfigValidator
{
    private readonly JsonElement _schemaJson;
    private readonly JsonSchema _schema;
    private readonly RuleCatalog _rules;

#if NET
    /// <summary>
    /// JsonSchema.Net builds its meta-schemas in a module initializer. The runtime runs it when the library is first
    /// used, but a native binary runs every module initializer at start, configuration file or not: for JsonSchema.Net
    /// about half of a run on one small file. The native build stubs that initializer out and sets the switch
    /// (src/Linter.Cli/Linter.Cli.csproj); the library is then initialized here, before the first schema is built.
    /// </summary>
    static ConfigValidator()
    {
        if (JsonSchemaInitializedOnFirstUse)
        {
            InitializeJsonSchema(null);
        }
    }

    [FeatureSwitchDefinition("Kubelint.JsonSchema.InitializedOnFirstUse")]
    private static bool JsonSchemaInitializedOnFirstUse => AppContext.TryGetSwitch("Kubelint.JsonSchema.InitializedOnFirstUse", out var deferred) && deferred;

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "Initialize")]
    private static extern void InitializeJsonSchema([UnsafeAccessorType("Json.Schema.__ModuleInitialization, JsonSchema.Net")] object? library);
#endif

    public ConfigValidator(RuleCatalog rules)
    {
        _rules = rules;
        using var document = JsonDocument.Parse(ConfigSchema.Build(rules.Descriptors));
        _schemaJson = document.RootElement.Clone();
        _schema = JsonSchema.Build(_schemaJson, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public IReadOnlyList<ConfigProblem> Validate(Node root)
    {
        using var instance = NodeJson.ToDocument(root);
        var results = _schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return (results.Details ?? []).Where(r => r.Errors is { Count: > 0 }).Select(r => Problem(root, r)).OfType<ConfigProblem>().ToList();
    }

    private ConfigProblem? Problem(Node root, EvaluationResults failure)
    {
        var at = Located.Find(root, failure.InstanceLocation);
        var (schema, parent) = SchemaAt(failure.EvaluationPath);
        var keyword = failure.EvaluationPath.SegmentCount == 0 ? string.Empty : failure.EvaluationPath[failure.EvaluationPath.SegmentCount - 1].ToString();
        return keyword switch
        {
            // `additionalProperties: false` fails on a key no `properties` entry names (a map's value schema fails as any value).
            "additionalProperties" when schema.ValueKind == JsonValueKind.False => new ConfigProblem(at.Key!.Span, $"unknown key `{at.Path}`" + Suggestion(at.Key.Value, parent.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList())),
            // The schema restricts key names only in rule maps. It lists the names as written; the catalog also
            // accepts them in any case, as on the command line and in suppressions.
            "propertyNames" when _rules.Find(at.Key!.Value) is not null || _rules.MayNameUnloadedRule(at.Key.Value) => null,
            "propertyNames" => new ConfigProblem(at.Key!.Span, $"unknown rule `{at.Key.Value}` in `{at.ParentPath}`" + (_rules.Nearest(at.Key.Value) is { } nearest ? $"; did you mean `{nearest}`?" : "; `kubelint rules` lists them")),
            _ => new ConfigProblem(at.Node.Span, $"{at.Subject} {Requirement(schema, failure.Errors!)}"),
        };
    }

    /// <summary>"; did you mean `x`?" for the nearest known key, else the list of known keys.</summary>
    private static string Suggestion(string name, IReadOnlyList<string> known) =>
        EditDistance.Nearest(name, known) is { } nearest ? $"; did you mean `{nearest}`?" : $"; expected one of {string.Join(", ", known)}";

    /// <summary>What the value must be, in words: the wrong type, else the schema's title when it has one, else the failed keyword.</summary>
    private static string Requirement(JsonElement schema, IReadOnlyDictionary<string, string> errors)
    {
        if (errors.ContainsKey("required"))
        {
            var keys = Words(schema.GetProperty("required")).Select(k => $"`{k}`").ToList();
            return "needs " + (keys.Count == 1 ? keys[0] : string.Join(", ", keys.Take(keys.Count - 1)) + " and " + keys[keys.Count - 1]);
        }

        if (errors.ContainsKey("type"))
        {
            var types = schema.GetProperty("type");
            var names = types.ValueKind == JsonValueKind.Array ? Words(types) : [types.GetString()!];
            return "must be " + string.Join(" or ", names.Where(t => t != "null").Select(Describe));
        }

        if (schema.TryGetProperty("title", out var title))
        {
            return "must be " + title.GetString();
        }

        return errors.ContainsKey("enum") ? "must be one of " + string.Join(", ", Words(schema.GetProperty("enum"))) : errors.Values.First();
    }

    private static string Describe(string type) => type switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "boolean" => "true or false",
        "integer" => "a whole number",
        _ => "a " + type,
    };

    private static List<string> Words(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();

    /// <summary>The schema an evaluation path leads to, and the one before it, following <c>$ref</c>s.</summary>
    private (JsonElement Schema, JsonElement Parent) SchemaAt(JsonPointer path)
    {
        var schema = _schemaJson;
        var parent = schema;
        for (var i = 0; i < path.SegmentCount; i++)
        {
            var segment = path[i].ToString();
            parent = schema;
            schema = segment == "$ref"
                ? JsonPointer.Parse(schema.GetProperty("$ref").GetString()!.Substring(1)).Evaluate(_schemaJson)!.Value
                : schema.ValueKind == JsonValueKind.Array ? schema[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)] : schema.GetProperty(segment);
        }

        return (schema, parent);
    }

    /// <summary>The node an instance location names, the key it is under, and its path as users write it (<c>cluster.services[0].name</c>).</summary>
    private sealed record Located(Node Node, ScalarNode? Key, string Path, string ParentPath)
    {
        public string Subject => Path.Length == 0 ? "the config file" : $"`{Path}`";

        public static Located Find(Node root, JsonPointer location)
        {
            var at = new Located(root, null, string.Empty, string.Empty);
            for (var i = 0; i < location.SegmentCount; i++)
            {
                var segment = location[i];
                if (at.Node is SequenceNode list)
                {
                    var index = segment.ToInt()!.Value;
                    at = new Located(list.Items[index], null, $"{at.Path}[{index}]", at.Path);
                    continue;
                }

                var map = (MappingNode)at.Node;
                for (var e = map.Entries.Count - 1; e >= 0; e--)
                {
                    if (segment.Equals(map.Entries[e].Key.Value))
                    {
                        var key = map.Entries[e].Key;
                        at = new Located(map.Entries[e].Value, key, at.Path.Length == 0 ? key.Value : $"{at.Path}.{key.Value}", at.Path);
                        break;
                    }
                }
            }

            return at;
        }
    }
}
