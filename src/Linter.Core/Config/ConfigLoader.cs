using System.Globalization;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Config;

/// <summary>
/// Finds and reads <c>.kubelint.yaml</c>. Every key and value is checked with the same rules as the
/// published JSON Schema (<see cref="ConfigSchema"/>); each problem is reported with its position and,
/// for a misspelt key or rule, the nearest valid one. Nothing is silently ignored.
/// </summary>
public sealed class ConfigLoader
{
    public static readonly string[] FileNames = [".kubelint.yaml", ".kubelint.yml"];

    internal static readonly string[] TopLevelKeys = ["rules", "overrides", "cluster", "include", "exclude"];
    internal static readonly string[] OverrideKeys = ["files", "rules"];
    internal static readonly string[] ClusterKeys = ["clusterDomain", "nodePortRange", "clusterDNS", "defaultNamespace", "externalNamespaces", "services"];
    internal static readonly string[] ServiceKeys = ["namespace", "name", "ports", "headless"];
    internal static readonly string[] PortKeys = ["port", "name", "protocol"];

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
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (new KubelintConfig(), [new ConfigProblem(SourceSpan.StartOf(displayPath), $"cannot read the config file: {ex.Message}")]);
        }

        var (config, problems) = Parse(displayPath, text, rules);
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
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var read = YamlReader.Read(path, text);
        _problems.AddRange(read.Problems.Select(p => new ConfigProblem(p.Span, p.Message)));
        var root = read.Documents.FirstOrDefault();
        if (root is null or ScalarNode { IsNull: true })
        {
            return new KubelintConfig { Path = path, Directory = directory };
        }

        if (root is not MappingNode map)
        {
            Problem(root, "the config file must be a mapping with keys " + string.Join(", ", TopLevelKeys));
            return new KubelintConfig { Path = path, Directory = directory };
        }

        CheckKeys(map, TopLevelKeys, string.Empty);
        var cluster = map["cluster"] is { } c ? Mapping(c, "cluster") : null;
        if (cluster is not null)
        {
            CheckKeys(cluster, ClusterKeys, "cluster.");
        }

        return new KubelintConfig
        {
            Path = path,
            Directory = directory,
            Rules = map["rules"] is { } r ? RuleSettings(r, "rules") : new Dictionary<string, RuleSetting>(),
            Overrides = map["overrides"] is { } o ? Overrides(o) : [],
            Include = Globs(map["include"], "include"),
            Exclude = Globs(map["exclude"], "exclude"),
            ClusterDomain = cluster?["clusterDomain"] is { } domain ? DomainName(domain) : null,
            NodePortRange = cluster?["nodePortRange"] is { } range ? Range(range) : null,
            ClusterDns = cluster?["clusterDNS"] is { } dns ? Address(dns) : null,
            DefaultNamespace = cluster?["defaultNamespace"] is { } ns ? Label(ns, "cluster.defaultNamespace") : null,
            ExternalNamespaces = cluster?["externalNamespaces"] is { } external ? Strings(external, "cluster.externalNamespaces").Select(n => Label(n, "cluster.externalNamespaces")).OfType<string>().ToList() : [],
            Services = cluster?["services"] is { } services ? Services(services) : [],
        };
    }

    private Dictionary<string, RuleSetting> RuleSettings(Node node, string where)
    {
        var settings = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        if (Mapping(node, where) is not { } map)
        {
            return settings;
        }

        foreach (var entry in map.Entries)
        {
            var rule = _rules.Find(entry.Key.Value)?.Descriptor;
            if (rule is null)
            {
                var nearest = _rules.Nearest(entry.Key.Value);
                Problem(entry.Key, $"unknown rule `{entry.Key.Value}` in `{where}`" + (nearest is null ? "; `kubelint rules` lists them" : $"; did you mean `{nearest}`?"));
                continue;
            }

            if (entry.Value is ScalarNode value && RuleSetting.TryParse(value.Value, out var setting))
            {
                settings[rule.Id] = setting;
            }
            else
            {
                Problem(entry.Value, $"`{where}.{entry.Key.Value}` must be one of off, on, error, warning, note");
            }
        }

        return settings;
    }

    private List<RuleOverride> Overrides(Node node)
    {
        var overrides = new List<RuleOverride>();
        foreach (var (item, i) in Items(node, "overrides"))
        {
            if (Mapping(item, $"overrides[{i}]") is not { } map)
            {
                continue;
            }

            CheckKeys(map, OverrideKeys, $"overrides[{i}].");
            var files = Globs(map["files"], $"overrides[{i}].files");
            if (map["files"] is null)
            {
                Problem(map, $"`overrides[{i}]` needs `files`: the globs it applies to");
            }

            overrides.Add(new RuleOverride(files, map["rules"] is { } rules ? RuleSettings(rules, $"overrides[{i}].rules") : new Dictionary<string, RuleSetting>()));
        }

        return overrides;
    }

    private List<ConfiguredService> Services(Node node)
    {
        var services = new List<ConfiguredService>();
        foreach (var (item, i) in Items(node, "cluster.services"))
        {
            if (Mapping(item, $"cluster.services[{i}]") is not { } map)
            {
                continue;
            }

            var where = $"cluster.services[{i}]";
            CheckKeys(map, ServiceKeys, where + ".");
            var ns = map["namespace"] is { } n ? Label(n, where + ".namespace") : null;
            var name = map["name"] is { } s ? Label(s, where + ".name") : null;
            if (ns is null || name is null)
            {
                Problem(map, $"`{where}` needs `namespace` and `name`");
                continue;
            }

            var ports = map["ports"] is { } p ? Ports(p, where + ".ports") : [];
            var headless = map["headless"] is ScalarNode { Kind: ScalarKind.Bool } h && h.Value is "true" or "True" or "TRUE" or "yes" or "on";
            if (map["headless"] is { } flag and not ScalarNode { Kind: ScalarKind.Bool })
            {
                Problem(flag, $"`{where}.headless` must be true or false");
            }

            services.Add(new ConfiguredService(ns, name, ports, headless));
        }

        return services;
    }

    private List<int> Ports(Node node, string where)
    {
        var ports = new List<int>();
        foreach (var (item, i) in Items(node, where))
        {
            var value = item is MappingNode map ? CheckPortMapping(map, $"{where}[{i}]") : item;
            if (value is ScalarNode { Kind: ScalarKind.Int } number && int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                ports.Add(port);
            }
            else if (value is not null)
            {
                Problem(value, $"`{where}[{i}]` must be a port number between 1 and 65535, or a mapping with `port`");
            }
        }

        return ports;
    }

    private Node? CheckPortMapping(MappingNode map, string where)
    {
        CheckKeys(map, PortKeys, where + ".");
        if (map["port"] is null)
        {
            Problem(map, $"`{where}` needs `port`");
        }

        return map["port"];
    }

    private List<string> Globs(Node? node, string where) => node is null ? [] : Strings(node, where).Select(s => s.Value).ToList();

    /// <summary>A list of strings, or one string.</summary>
    private List<ScalarNode> Strings(Node node, string where)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } single)
        {
            return [single];
        }

        var strings = new List<ScalarNode>();
        foreach (var (item, i) in Items(node, where))
        {
            if (item is ScalarNode { Kind: ScalarKind.String } s)
            {
                strings.Add(s);
            }
            else
            {
                Problem(item, $"`{where}[{i}]` must be a string");
            }
        }

        return strings;
    }

    private IEnumerable<(Node Item, int Index)> Items(Node node, string where)
    {
        if (node is SequenceNode list)
        {
            return list.Items.Select((item, i) => (item, i));
        }

        if (node is not ScalarNode { IsNull: true })
        {
            Problem(node, $"`{where}` must be a list");
        }

        return [];
    }

    private MappingNode? Mapping(Node node, string where)
    {
        if (node is MappingNode map)
        {
            return map;
        }

        if (node is not ScalarNode { IsNull: true })
        {
            Problem(node, $"`{where}` must be a mapping");
        }

        return null;
    }

    private string? Label(Node node, string where)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } s && NameValidation.Dns1123Label(s.Value).Count == 0)
        {
            return s.Value;
        }

        Problem(node, $"`{where}` must be a Kubernetes name (a lowercase DNS label)");
        return null;
    }

    private string? DomainName(Node node)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } s && s.Value.Trim('.').Split('.').All(l => NameValidation.Dns1123Label(l).Count == 0))
        {
            return s.Value.Trim('.');
        }

        Problem(node, "`cluster.clusterDomain` must be a DNS domain such as cluster.local");
        return null;
    }

    private string? Address(Node node)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } s && System.Net.IPAddress.TryParse(s.Value, out _))
        {
            return s.Value;
        }

        Problem(node, "`cluster.clusterDNS` must be the cluster DNS server's IP address, e.g. 10.96.0.10");
        return null;
    }

    private PortRange? Range(Node node)
    {
        var parts = node is ScalarNode s ? s.Value.Split('-') : [];
        if (parts.Length == 2 && int.TryParse(parts[0], out var first) && int.TryParse(parts[1], out var last) && first is >= 1 and <= 65535 && last >= first && last <= 65535)
        {
            return new PortRange(first, last);
        }

        Problem(node, "`cluster.nodePortRange` must be FIRST-LAST, e.g. 30000-32767 (the API server's --service-node-port-range)");
        return null;
    }

    private void CheckKeys(MappingNode map, string[] known, string prefix)
    {
        foreach (var entry in map.Entries.Where(e => Array.IndexOf(known, e.Key.Value) < 0))
        {
            var nearest = EditDistance.Nearest(entry.Key.Value, known);
            Problem(entry.Key, $"unknown key `{prefix}{entry.Key.Value}`" + (nearest is null ? $"; expected one of {string.Join(", ", known)}" : $"; did you mean `{nearest}`?"));
        }
    }

    private void Problem(Node node, string message) => _problems.Add(new ConfigProblem(node.Span, message));
}
