using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Config;

/// <summary>
/// Finds and reads <c>.kubelint.yaml</c>. The file is validated against the published JSON Schema
/// (<see cref="ConfigSchema"/>, by <see cref="ConfigValidator"/>), then a valid file is bound to a
/// <see cref="KubelintConfig"/>, checking what a schema cannot say (a port range whose first port is after its
/// last, an IP address). Every problem is reported with its position; nothing is silently ignored.
/// </summary>
internal sealed class ConfigLoader
{
    public static readonly string[] FileNames = [".kubelint.yaml", ".kubelint.yml"];

    private readonly RuleCatalog _rules;
    private readonly List<ConfigProblem> _problems = [];

    private ConfigLoader(RuleCatalog rules) => _rules = rules;

    /// <summary>The config file for an input: the first <c>.kubelint.yaml</c> found walking up from <paramref name="start"/>.</summary>
    public static string? Find(string start)
    {
        var full = System.IO.Path.GetFullPath(start);
        var dir = File.Exists(full) ? new FileInfo(full).Directory : new DirectoryInfo(full);
        for (; dir is not null; dir = dir.Parent)
        {
            foreach (var name in FileNames)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Reads the config file at <paramref name="path"/>; problems name it as <paramref name="displayPath"/>.</summary>
    public static (KubelintConfig Config, IReadOnlyList<ConfigProblem> Problems) Load(string path, string displayPath, RuleCatalog rules)
    {
        var read = InputFiles.ReadText(path, LoadLimits.MaxFileBytes, rejectBinary: false);
        if (read.Problem is { } problem)
        {
            var at = new SourceSpan(displayPath, read.Line, read.Column, read.Line, read.Column + 1);
            return (new KubelintConfig(), [new ConfigProblem(at, $"cannot read the config file: {problem}")]);
        }

        var (config, problems) = Parse(displayPath, read.Text!, rules);
        return (config with { Path = path, Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "." }, problems);
    }

    public static (KubelintConfig Config, IReadOnlyList<ConfigProblem> Problems) Parse(string path, string text, RuleCatalog rules)
    {
        var loader = new ConfigLoader(rules);
        var config = loader.Read(path, text);
        return (config, loader._problems.OrderBy(p => p.Span.Line).ThenBy(p => p.Span.Column).ToList());
    }

    private KubelintConfig Read(string path, string text)
    {
        var empty = new KubelintConfig { Path = path, Directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "." };
        var read = YamlReader.Read(path, text);
        _problems.AddRange(read.Problems.Select(p => new ConfigProblem(p.Span, p.Message)));
        var root = read.Documents.FirstOrDefault();
        if (root is null or ScalarNode { IsNull: true })
        {
            return empty;
        }

        _problems.AddRange(new ConfigValidator(_rules).Validate(root));
        if (_problems.Count > 0)
        {
            return empty;
        }

        var map = (MappingNode)root;
        var cluster = map["cluster"] as MappingNode;
        return empty with
        {
            Rules = RuleSettings(map["rules"]),
            Overrides = Items(map["overrides"]).Cast<MappingNode>().Select(o => new RuleOverride(Strings(o["files"]), RuleSettings(o["rules"]))).ToList(),
            Include = Strings(map["include"]),
            CustomRules = Strings(map["customRules"]),
            RulePackages = Strings(map["rulePackages"]),
            RuleOptions = ((map["ruleOptions"] as MappingNode)?.Entries ?? []).Select(e => (Rule: _rules.Find(e.Key.Value), e.Value))
                .Where(e => e.Rule is not null).ToDictionary(e => e.Rule!.Descriptor.Id, e => Options(e.Value), StringComparer.Ordinal),
            Exclude = Strings(map["exclude"]),
            ClusterDomain = (cluster?["clusterDomain"] as ScalarNode)?.Value.TrimEnd('.'),
            NodePortRange = cluster?["nodePortRange"] is ScalarNode range ? Range(range) : null,
            ClusterDns = cluster?["clusterDNS"] is ScalarNode dns ? Address(dns) : null,
            KubernetesVersion = cluster?["kubernetesVersion"] is ScalarNode version ? KubernetesVersion(version) : null,
            DefaultNamespace = (cluster?["defaultNamespace"] as ScalarNode)?.Value,
            ExternalNamespaces = Strings(cluster?["externalNamespaces"]),
            IngressClasses = Strings(cluster?["ingressClasses"]),
            GatewayClasses = ((cluster?["gatewayClasses"] as MappingNode)?.Entries ?? [])
                .Select(e => new ConfiguredGatewayClass(e.Key.Value, ((e.Value as MappingNode)?["dataPlane"] as ScalarNode)?.Value)).ToList(),
            Services = Items(cluster?["services"]).Cast<MappingNode>().Select(Service).ToList(),
            NamespaceLabels = ((cluster?["namespaces"] as MappingNode)?.Entries ?? [])
                .ToDictionary(e => e.Key.Value, e => Map((e.Value as MappingNode)?["labels"]), StringComparer.Ordinal),
            PodCidrs = Items(cluster?["podCIDRs"]).Where(PodCidr).Select(n => ((ScalarNode)n).Value).ToList(),
            NetworkPolicyEnforced = ((cluster?["networkPolicy"] as MappingNode)?["enforced"] as ScalarNode)?.IsTrue,
            IpBlockMatchesPods = ((cluster?["networkPolicy"] as MappingNode)?["ipBlockMatchesPods"] as ScalarNode)?.IsTrue,
            DnsPods = cluster?["dns"] is MappingNode dnsPods ? DnsPods(dnsPods) : null,
            IngressControllers = ((cluster?["ingressControllers"] as MappingNode)?.Entries ?? [])
                .Select(e => new ConfiguredIngressController(e.Key.Value, ((ScalarNode)((MappingNode)e.Value)["namespace"]!).Value, Map(((MappingNode)e.Value)["podLabels"]))).ToList(),
        };
    }

    private static IReadOnlyDictionary<string, string> Map(Node? node) =>
        ((node as MappingNode)?.Entries ?? []).ToDictionary(e => e.Key.Value, e => ((ScalarNode)e.Value).Value, StringComparer.Ordinal);

    /// <summary><c>cluster.dns</c> over the defaults: each key that is written replaces the default's.</summary>
    private static ClusterDnsPods DnsPods(MappingNode map)
    {
        var defaults = ClusterDnsPods.Default;
        // A bare number is a DNS port for both protocols.
        var ports = Items(map["ports"]).SelectMany(p => p is MappingNode port
            ? [new NamedPort((port["name"] as ScalarNode)?.Value ?? string.Empty, Port((ScalarNode)port["port"]!), (port["protocol"] as ScalarNode)?.Value ?? "TCP")]
            : new[] { "UDP", "TCP" }.Select(protocol => new NamedPort(string.Empty, Port((ScalarNode)p), protocol))).ToList();
        return new ClusterDnsPods(
            (map["namespace"] as ScalarNode)?.Value ?? defaults.Namespace,
            map["podLabels"] is MappingNode labels ? Map(labels) : defaults.Labels,
            ports.Count > 0 ? ports : defaults.Ports,
            map["nodeLocal"] is ScalarNode { IsTrue: true });
    }

    private bool PodCidr(Node node)
    {
        if (Cidr.Parse(((ScalarNode)node).Value) is not null)
        {
            return true;
        }

        Problem(node, "`cluster.podCIDRs` items must be address blocks such as 10.244.0.0/16");
        return false;
    }

    // Binding: the schema has checked every key, type and name, so the nodes have the shapes cast to here.

    /// <summary>By rule id; when a rule is named by id and by slug, the later entry wins.</summary>
    private Dictionary<string, RuleSetting> RuleSettings(Node? node)
    {
        var settings = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        // A name of a custom rule that this run does not load is left out (RuleCatalog.MayNameUnloadedRule).
        foreach (var entry in (node as MappingNode)?.Entries ?? [])
        {
            if (_rules.Find(entry.Key.Value) is { } rule)
            {
                settings[rule.Descriptor.Id] = Setting((ScalarNode)entry.Value);
            }
        }

        return settings;
    }

    /// <summary>A rule's options: each a value or a list of values, kept as written.</summary>
    private static RuleOptions Options(Node? node) => new(((node as MappingNode)?.Entries ?? [])
        .ToDictionary(e => e.Key.Value, e => (IReadOnlyList<string>)(e.Value is ScalarNode one ? [one.Value] : Items(e.Value).Select(v => ((ScalarNode)v).Value).ToList()), StringComparer.Ordinal));

    private static RuleSetting Setting(ScalarNode value)
    {
        if (value.Kind == ScalarKind.Bool)
        {
            return value.IsTrue ? RuleSetting.On : RuleSetting.Off;
        }

        // One of the words the schema's enum admits, which TryParse reads.
        RuleSetting.TryParse(value.Value, out var setting);
        return setting;
    }

    private static ConfiguredService Service(MappingNode map) => new(
        ((ScalarNode)map["namespace"]!).Value,
        ((ScalarNode)map["name"]!).Value,
        Items(map["ports"]).Select(p => Port((ScalarNode)((p as MappingNode)?["port"] ?? p))).ToList(),
        map["headless"] is ScalarNode { IsTrue: true });

    private static int Port(ScalarNode number)
    {
        NodeJson.TryGetNumber(number, out var port);
        return (int)port;
    }

    private static IReadOnlyList<Node> Items(Node? node) => node is SequenceNode list ? list.Items : [];

    /// <summary>A list of strings, or one string.</summary>
    private static List<string> Strings(Node? node) =>
        node is ScalarNode { Kind: ScalarKind.String } single ? [single.Value] : Items(node).Select(s => ((ScalarNode)s).Value).ToList();

    private string? Address(ScalarNode node)
    {
        if (System.Net.IPAddress.TryParse(node.Value, out _))
        {
            return node.Value;
        }

        Problem(node, "`cluster.clusterDNS` must be the cluster DNS server's IP address, e.g. 10.96.0.10");
        return null;
    }

    /// <summary>"1.30", 1.30 or "v1.30.2": the release as major.minor (YAML keeps the text of an unquoted 1.30).</summary>
    private Version? KubernetesVersion(ScalarNode node)
    {
        var parts = node.Value.TrimStart('v').Split('.');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(char.IsDigit)) && int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) == 1)
        {
            return new Version(1, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        Problem(node, "`cluster.kubernetesVersion` must be a Kubernetes release such as \"1.30\" (major.minor)");
        return null;
    }

    private PortRange? Range(ScalarNode node)
    {
        var parts = node.Value.Split('-');
        if (int.TryParse(parts[0], out var first) && int.TryParse(parts[1], out var last) && first is >= 1 and <= 65535 && last >= first && last <= 65535)
        {
            return new PortRange(first, last);
        }

        Problem(node, "`cluster.nodePortRange` must be FIRST-LAST with 1 <= FIRST <= LAST <= 65535, e.g. 30000-32767 (the API server's --service-node-port-range)");
        return null;
    }

    private void Problem(Node node, string message) => _problems.Add(new ConfigProblem(node.Span, message));
}
