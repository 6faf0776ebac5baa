using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linter.Core.Rules;

namespace Linter.Core.Config;

/// <summary>
/// The JSON Schema of <c>.kubelint.yaml</c>: editors with the YAML language server check the file with it, and
/// <see cref="ConfigLoader"/> validates against it. A <c>title</c> says in words what a value must be; the
/// loader's messages use it ("`cluster.defaultNamespace` must be a Kubernetes name ...").
/// </summary>
internal static class ConfigSchema
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
            ["type"] = new JsonArray("string", "array", "null"),
            ["description"] = "Globs relative to the folder of the config file, e.g. deploy/**/*.yaml.",
            ["items"] = new JsonObject { ["type"] = "string" },
        };
        var name = new JsonObject
        {
            ["title"] = "a Kubernetes name (a lowercase DNS label)",
            ["type"] = "string",
            ["pattern"] = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
            ["maxLength"] = 63,
        };
        var className = new JsonObject
        {
            ["title"] = "a Kubernetes object name (a lowercase DNS subdomain)",
            ["type"] = "string",
            ["pattern"] = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            ["maxLength"] = 253,
        };
        var port = new JsonObject { ["title"] = "a port number between 1 and 65535", ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 65535 };

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$id"] = "https://github.com/kubelint/kubelint/kubelint.schema.json",
            ["title"] = "kubelint configuration (.kubelint.yaml)",
            ["type"] = new JsonArray("object", "null"),
            ["additionalProperties"] = false,
            ["definitions"] = new JsonObject { ["setting"] = setting, ["rules"] = ruleMap, ["globs"] = globs },
            ["properties"] = new JsonObject
            {
                ["rules"] = Ref("rules"),
                ["overrides"] = new JsonObject
                {
                    ["type"] = new JsonArray("array", "null"),
                    ["description"] = "Rule settings for some files; later entries win over earlier ones.",
                    ["items"] = Closed(["files"], new() { ["files"] = Ref("globs"), ["rules"] = Ref("rules") }),
                },
                ["cluster"] = Closed([], new()
                {
                    ["clusterDomain"] = new JsonObject
                    {
                        ["title"] = "a DNS domain such as cluster.local",
                        ["type"] = "string",
                        ["pattern"] = @"^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.?$",
                        ["description"] = "The cluster's DNS domain (kubelet --cluster-domain). Default cluster.local.",
                    },
                    ["nodePortRange"] = new JsonObject
                    {
                        ["title"] = "FIRST-LAST, e.g. 30000-32767",
                        ["type"] = "string",
                        ["pattern"] = "^[0-9]+-[0-9]+$",
                        ["description"] = "The API server's --service-node-port-range. Default 30000-32767.",
                    },
                    ["kubernetesVersion"] = new JsonObject
                    {
                        ["title"] = "MAJOR.MINOR, e.g. \"1.30\"",
                        ["type"] = new JsonArray("string", "number"),
                        ["description"] = "The Kubernetes version the manifests are deployed to (API versions it no longer serves are KL608). Default: the newest kubelint knows.",
                    },
                    ["clusterDNS"] = new JsonObject { ["type"] = "string", ["description"] = "The cluster DNS server's address, e.g. 10.96.0.10 (KL306 checks dnsPolicy: None against it)." },
                    ["defaultNamespace"] = name.DeepClone(),
                    ["externalNamespaces"] = new JsonObject
                    {
                        ["type"] = new JsonArray("array", "null"),
                        ["items"] = name.DeepClone(),
                        ["description"] = "Namespaces whose contents come from elsewhere (a Helm release, an operator): closed-world checks never apply to them.",
                    },
                    ["ingressClasses"] = new JsonObject
                    {
                        ["type"] = new JsonArray("array", "null"),
                        ["items"] = className.DeepClone(),
                        ["description"] = "IngressClass names that exist in the cluster but not in the input (KL606 counts them when an Ingress names its class).",
                    },
                    ["gatewayClasses"] = new JsonObject
                    {
                        ["type"] = new JsonArray("object", "null"),
                        ["description"] = "GatewayClasses that exist in the cluster but not in the input, by name (KL606 counts every key), with where the data plane runs.",
                        ["additionalProperties"] = Closed([], new()
                        {
                            ["dataPlane"] = new JsonObject
                            {
                                ["enum"] = new JsonArray("inCluster", "external"),
                                ["description"] = "inCluster: the Gateway's proxies run as pods of the cluster; external: outside it (a cloud load balancer).",
                            },
                        }, nullable: true),
                    },
                    ["namespaces"] = new JsonObject
                    {
                        ["type"] = new JsonArray("object", "null"),
                        ["description"] = "Labels namespaces carry in the cluster besides kubernetes.io/metadata.name, by namespace name (namespaceSelectors of NetworkPolicies and Gateway allowedRoutes match them).",
                        ["propertyNames"] = name.DeepClone(),
                        ["additionalProperties"] = Closed([], new() { ["labels"] = StringMap() }, nullable: true),
                    },
                    ["podCIDRs"] = new JsonObject
                    {
                        ["type"] = new JsonArray("array", "null"),
                        ["items"] = new JsonObject { ["title"] = "an address block such as 10.244.0.0/16", ["type"] = "string" },
                        ["description"] = "The cluster's pod address ranges: NetworkPolicy ipBlock peers are judged against them (default: the private ranges).",
                    },
                    ["networkPolicy"] = Closed([], new()
                    {
                        ["enforced"] = new JsonObject { ["type"] = "boolean", ["description"] = "The network plugin enforces NetworkPolicies (default true); false turns KL705-KL708 off." },
                        ["ipBlockMatchesPods"] = new JsonObject { ["type"] = "boolean", ["description"] = "ipBlock peers match pod addresses (default true; false for Cilium)." },
                    }, nullable: true),
                    ["ingressControllers"] = new JsonObject
                    {
                        ["type"] = new JsonArray("object", "null"),
                        ["description"] = "Where the pods of each Ingress class's controller run, by class name, when the input does not hold the controller (KL707 checks their traffic to backends).",
                        ["propertyNames"] = className.DeepClone(),
                        ["additionalProperties"] = Closed(["namespace", "podLabels"], new() { ["namespace"] = name.DeepClone(), ["podLabels"] = StringMap() }),
                    },
                    ["dns"] = Closed([], new()
                    {
                        ["namespace"] = name.DeepClone(),
                        ["podLabels"] = StringMap(),
                        ["ports"] = new JsonObject
                        {
                            ["type"] = new JsonArray("array", "null"),
                            ["items"] = PortOrMapping(port),
                            ["description"] = "The ports the cluster DNS pods answer on (default 53/UDP dns and 53/TCP dns-tcp).",
                        },
                        ["nodeLocal"] = new JsonObject { ["type"] = "boolean", ["description"] = "Pods query NodeLocal DNSCache on their own node (always allowed by NetworkPolicy)." },
                    }, nullable: true),
                    ["services"] = new JsonObject
                    {
                        ["type"] = new JsonArray("array", "null"),
                        ["description"] = "Services that exist in the cluster but not in the input, so that names reaching them resolve.",
                        ["items"] = Closed(["namespace", "name"], new()
                        {
                            ["namespace"] = name.DeepClone(),
                            ["name"] = name.DeepClone(),
                            ["headless"] = new JsonObject { ["type"] = "boolean" },
                            ["ports"] = new JsonObject
                            {
                                ["type"] = new JsonArray("array", "null"),
                                ["items"] = PortOrMapping(port),
                            },
                        }),
                    },
                }, nullable: true),
                ["include"] = Ref("globs"),
                ["exclude"] = Ref("globs"),
                ["customRules"] = Paths("Folders of custom rules written in C#, relative to the folder of the config file (the CLI compiles them; --no-custom-rules skips them)."),
                ["rulePackages"] = Paths("Precompiled rule packs (class libraries built against Kubelint.Sdk), relative to the folder of the config file."),
                ["ruleOptions"] = new JsonObject
                {
                    ["type"] = new JsonArray("object", "null"),
                    ["description"] = "Options of rules by id or slug, e.g. ACME002: {domains: [example.com]}; each option is a value or a list of values.",
                    ["propertyNames"] = new JsonObject { ["enum"] = ruleNames.DeepClone() },
                    ["additionalProperties"] = new JsonObject
                    {
                        ["type"] = new JsonArray("object", "null"),
                        ["additionalProperties"] = new JsonObject
                        {
                            ["title"] = "a value or a list of values",
                            ["type"] = new JsonArray("string", "number", "boolean", "array"),
                            ["items"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
                        },
                    },
                },
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject StringMap() => new()
    {
        ["type"] = new JsonArray("object", "null"),
        ["additionalProperties"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject Paths(string description) => new()
    {
        ["type"] = new JsonArray("string", "array", "null"),
        ["description"] = description,
        ["items"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject Ref(string definition) => new() { ["$ref"] = $"#/definitions/{definition}" };

    /// <summary>A port number, or a mapping with <c>port</c>: one schema with both types, so that a wrong value gets one message, not one per alternative.</summary>
    private static JsonObject PortOrMapping(JsonObject port)
    {
        var item = Closed(["port"], new()
        {
            ["port"] = port.DeepClone(),
            ["name"] = new JsonObject { ["type"] = "string" },
            ["protocol"] = new JsonObject { ["enum"] = new JsonArray("TCP", "UDP", "SCTP") },
        });
        item["title"] = "a port number between 1 and 65535, or a mapping with `port`";
        item["type"] = new JsonArray("integer", "object");
        item["minimum"] = port["minimum"]!.DeepClone();
        item["maximum"] = port["maximum"]!.DeepClone();
        return item;
    }

    /// <summary>A mapping with these keys only, in this order.</summary>
    private static JsonObject Closed(string[] required, JsonObject properties, bool nullable = false) => new()
    {
        ["type"] = nullable ? new JsonArray("object", "null") : "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray(required.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
        ["properties"] = properties,
    };
}
