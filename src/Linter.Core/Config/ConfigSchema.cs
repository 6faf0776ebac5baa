using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linter.Core.Rules;

namespace Linter.Core.Config;

/// <summary>
/// The JSON Schema of <c>.kubelint.yaml</c>, for editors with the YAML language server. Built from the
/// same key lists <see cref="ConfigLoader"/> checks, so the schema and the loader cannot drift apart.
/// </summary>
public static class ConfigSchema
{
    public static string Build(IReadOnlyList<RuleDescriptor> rules)
    {
        var ruleNames = new JsonArray(rules.SelectMany(r => new[] { r.Id, r.Slug }).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray());
        var setting = new JsonObject
        {
            ["description"] = "off, on (the rule's default severity), or the severity to report at.",
            ["enum"] = new JsonArray("off", "on", "error", "warning", "note", false, true),
        };
        var ruleMap = new JsonObject
        {
            ["type"] = new JsonArray("object", "null"),
            ["description"] = "Rule settings by id (KL203) or slug (named-target-port-not-found).",
            ["propertyNames"] = new JsonObject { ["enum"] = ruleNames },
            ["additionalProperties"] = new JsonObject { ["$ref"] = "#/definitions/setting" },
        };
        var globs = new JsonObject
        {
            ["description"] = "Globs relative to the folder of the config file, e.g. deploy/**/*.yaml.",
            ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } }),
        };
        var name = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", ["maxLength"] = 63 };
        var port = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 65535 };

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://github.com/kubelint/kubelint/kubelint.schema.json",
            ["title"] = "kubelint configuration (.kubelint.yaml)",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["definitions"] = new JsonObject { ["setting"] = setting, ["rules"] = ruleMap, ["globs"] = globs },
            ["properties"] = Properties(ConfigLoader.TopLevelKeys, new()
            {
                ["rules"] = Ref("rules"),
                ["overrides"] = new JsonObject
                {
                    ["type"] = new JsonArray("array", "null"),
                    ["description"] = "Rule settings for some files; later entries win over earlier ones.",
                    ["items"] = Closed(ConfigLoader.OverrideKeys, ["files"], new() { ["files"] = Ref("globs"), ["rules"] = Ref("rules") }),
                },
                ["cluster"] = Closed(ConfigLoader.ClusterKeys, [], new()
                {
                    ["clusterDomain"] = new JsonObject { ["type"] = "string", ["description"] = "The cluster's DNS domain (kubelet --cluster-domain). Default cluster.local." },
                    ["nodePortRange"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+-[0-9]+$", ["description"] = "The API server's --service-node-port-range. Default 30000-32767." },
                    ["clusterDNS"] = new JsonObject { ["type"] = "string", ["description"] = "The cluster DNS server's address, e.g. 10.96.0.10 (KL306 checks dnsPolicy: None against it)." },
                    ["defaultNamespace"] = name.DeepClone(),
                    ["externalNamespaces"] = new JsonObject { ["type"] = "array", ["items"] = name.DeepClone(), ["description"] = "Namespaces whose contents come from elsewhere (a Helm release, an operator): closed-world checks never apply to them." },
                    ["services"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["description"] = "Services that exist in the cluster but not in the input, so that names reaching them resolve.",
                        ["items"] = Closed(ConfigLoader.ServiceKeys, ["namespace", "name"], new()
                        {
                            ["namespace"] = name.DeepClone(),
                            ["name"] = name.DeepClone(),
                            ["headless"] = new JsonObject { ["type"] = "boolean" },
                            ["ports"] = new JsonObject
                            {
                                ["type"] = "array",
                                ["items"] = new JsonObject
                                {
                                    ["oneOf"] = new JsonArray(port.DeepClone(), Closed(ConfigLoader.PortKeys, ["port"], new()
                                    {
                                        ["port"] = port.DeepClone(),
                                        ["name"] = new JsonObject { ["type"] = "string" },
                                        ["protocol"] = new JsonObject { ["enum"] = new JsonArray("TCP", "UDP", "SCTP") },
                                    })),
                                },
                            },
                        }),
                    },
                }),
                ["include"] = Ref("globs"),
                ["exclude"] = Ref("globs"),
            }),
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/definitions/{definition}" };

    private static JsonObject Closed(string[] keys, string[] required, Dictionary<string, JsonNode> properties) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
        ["properties"] = Properties(keys, properties),
    };

    /// <summary>The properties in the loader's key order; every key the loader accepts must be described.</summary>
    private static JsonObject Properties(string[] keys, Dictionary<string, JsonNode> properties)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            result[key] = properties[key];
        }

        return result;
    }
}
