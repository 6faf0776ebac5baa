using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// The pods a workload (or a bare Pod) creates: their namespace, labels (template labels plus those
/// the controller adds) and spec.
/// </summary>
public sealed class PodTemplate
{
    internal PodTemplate(KubeObject owner, IReadOnlyList<StringPair> labels, PodSpec spec)
    {
        Owner = owner;
        Labels = labels;
        Spec = spec;
    }

    public KubeObject Owner { get; }

    public string Namespace => Owner.Namespace;

    /// <summary>Labels as written in the template.</summary>
    public IReadOnlyList<StringPair> Labels { get; }

    /// <summary>The labels by key (a key written twice has its last value), read from <see cref="Labels"/>: a dictionary
    /// per pod template was a large part of what the model keeps.</summary>
    public IReadOnlyDictionary<string, string> LabelValues => new LabelValueView(this);

    /// <summary>The value of a label, as <see cref="LabelValues"/> has it (the last one written), found by a scan.</summary>
    internal bool TryGetLabel(string key, out string value)
    {
        for (var i = Labels.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Labels[i].KeyText, key, StringComparison.Ordinal))
            {
                value = Labels[i].ValueText;
                return true;
            }
        }

        value = "";
        return false;
    }

    /// <summary>A new dictionary of the labels by key, as <see cref="LabelValues"/> lists them.</summary>
    internal Dictionary<string, string> LabelsByKey()
    {
        var values = new Dictionary<string, string>(Labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < Labels.Count; i++)
        {
            values[Labels[i].KeyText] = Labels[i].ValueText;
        }

        return values;
    }

    /// <summary>Labels the controller adds with values known before deployment (job-name, StatefulSet pod names).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ControllerLabels { get; internal set; } = [];

    public PodSpec Spec { get; }

    /// <summary>Where the snapshot lists the template (-1 before it does): what its tables of values per template are indexed by.</summary>
    internal int Position { get; set; } = -1;

    public override string ToString() => Owner.ToString();
}

/// <summary>
/// A template's labels by key. Look-ups scan the labels (templates have a few); listing them (for messages) makes the
/// dictionary of the labels' first keys with their last values.
/// </summary>
internal sealed class LabelValueView(PodTemplate template) : IReadOnlyDictionary<string, string>
{
    public int Count => template.LabelsByKey().Count;

    public IEnumerable<string> Keys => template.LabelsByKey().Keys;

    public IEnumerable<string> Values => template.LabelsByKey().Values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"the pod template has no label {key}");

    public bool ContainsKey(string key) => template.TryGetLabel(key, out _);

    public bool TryGetValue(string key, out string value) => template.TryGetLabel(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => template.LabelsByKey().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class PodSpec
{
    /// <summary>The field path of the spec in its object (<c>spec</c>, <c>spec.template.spec</c>, …), for messages.</summary>
    public string Path { get; internal set; } = "spec";

    public IReadOnlyList<Container> Containers { get; internal set; } = [];

    public IReadOnlyList<Container> InitContainers { get; internal set; } = [];

    /// <summary>Containers that run beside each other and share the pod's network: app containers, then sidecars.</summary>
    public IEnumerable<Container> RunningContainers => InitContainers.Count == 0 ? Containers : Containers.Concat(InitContainers.Where(c => c.IsSidecar));

    public BoolField? HostNetwork { get; internal set; }

    public ScalarNode? DnsPolicyNode { get; internal set; }

    public ScalarNode? HostnameNode { get; internal set; }

    public ScalarNode? SubdomainNode { get; internal set; }

    /// <summary>
    /// <c>dnsConfig</c> as written. What the API server rejects in it is left out by the simulation
    /// (<c>ClusterSnapshot.Validity</c>), which is where the nameservers and searches in effect come from.
    /// </summary>
    public PodDnsConfig? DnsConfig { get; internal set; }

    /// <summary><c>hostAliases</c> as written: the kubelet writes them into the pod's /etc/hosts, read before DNS.</summary>
    public IReadOnlyList<HostAlias> HostAliases { get; internal set; } = [];

    public IEnumerable<Container> AllContainers => InitContainers.Count == 0 ? Containers : Containers.Concat(InitContainers);

    /// <summary>
    /// The pod's volumes backed by ConfigMaps: <c>volumes[].configMap</c>, and each ConfigMap source of a
    /// <c>volumes[].projected</c> volume (one entry per ConfigMap, all with the volume's name).
    /// </summary>
    public IReadOnlyList<ConfigMapVolume> ConfigMapVolumes { get; internal set; } = [];

    /// <summary>The ConfigMaps whose files <paramref name="container"/> sees: those of the volumes it mounts.</summary>
    public IEnumerable<string> ConfigMapsMountedBy(Container container) =>
        ConfigMapVolumes.Where(v => container.VolumeMounts.Contains(v.Volume, StringComparer.Ordinal)).Select(v => v.ConfigMap);
}

/// <summary>A pod's <c>dnsConfig</c>: nameservers, searches and options, each item with its node.</summary>
public sealed class PodDnsConfig
{
    internal PodDnsConfig(ScalarNode key) => Key = key;

    /// <summary>The <c>dnsConfig</c> key.</summary>
    public ScalarNode Key { get; }

    public ScalarNode? NameserversKey { get; internal set; }

    public IReadOnlyList<ScalarNode> Nameservers { get; internal set; } = [];

    public ScalarNode? SearchesKey { get; internal set; }

    public IReadOnlyList<ScalarNode> Searches { get; internal set; } = [];

    /// <summary>The <c>options</c> items, each with its <c>name</c> when written.</summary>
    public IReadOnlyList<(SourceSpan Span, ScalarNode? Name)> Options { get; internal set; } = [];
}

/// <summary>A <c>hostAliases</c> item: an address and the host names the pod's /etc/hosts maps to it.</summary>
public sealed record HostAlias(SourceSpan Span, ScalarNode? Ip, IReadOnlyList<ScalarNode> Hostnames);

/// <summary>A pod volume (by name) that holds the keys of a ConfigMap as files.</summary>
public sealed record ConfigMapVolume(string Volume, string ConfigMap);

public sealed class Container
{
    // Kept as a value, not a node (see ScalarData); the property gives a new node on each read.
    private ScalarData _name;

    public string Name => _name.Value ?? string.Empty;

    public bool IsInit { get; internal set; }

    /// <summary>An init container with <c>restartPolicy: Always</c>: it keeps running beside the app containers.</summary>
    public bool IsSidecar { get; internal set; }

    public IReadOnlyList<ContainerPort> Ports { get; internal set; } = [];

    public IReadOnlyList<ProbeHandler> Handlers { get; internal set; } = [];

    /// <summary><c>command</c> items; empty when the image's entrypoint runs.</summary>
    public IReadOnlyList<ScalarNode> Command { get; internal set; } = [];

    public IReadOnlyList<ScalarNode> Args { get; internal set; } = [];

    public IReadOnlyList<EnvVar> Env { get; internal set; } = [];

    /// <summary>ConfigMaps whose keys become environment variables (<c>envFrom[].configMapRef</c>).</summary>
    public IReadOnlyList<string> EnvFromConfigMaps { get; internal set; } = [];

    /// <summary>The names of the pod volumes the container mounts (<c>volumeMounts[].name</c>).</summary>
    public IReadOnlyList<string> VolumeMounts { get; internal set; } = [];

    /// <summary>The <c>exec.command</c> of each probe and lifecycle hook.</summary>
    public IReadOnlyList<ExecAction> Execs { get; internal set; } = [];

    /// <summary>The container's item in its list.</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>The <c>name</c> value, when written as a string.</summary>
    public ScalarNode? NameNode { get => _name.ToNode(); internal set => _name = ScalarData.Of(value); }

    public override string ToString() => Name;
}

public sealed class ContainerPort
{
    // Kept as a value, not a node (see ScalarData); the property gives a new node on each read.
    private ScalarData _name;

    internal ContainerPort(SourceSpan span) => Span = span;

    /// <summary>The port's item in <c>ports</c>.</summary>
    public SourceSpan Span { get; }

    public ScalarNode? NameNode { get => _name.ToNode(); internal set => _name = ScalarData.Of(value); }

    public string? Name => _name.Value;

    public IntField? Number { get; internal set; }

    public IntField? HostPort { get; internal set; }

    public ScalarNode? ProtocolNode { get; internal set; }

    public string Protocol => ProtocolNode?.Value ?? "TCP";

    public override string ToString() => Name is null ? $"{Number?.Value}/{Protocol}" : $"{Name} ({Number?.Value}/{Protocol})";
}

public enum HandlerKind { LivenessProbe, ReadinessProbe, StartupProbe, PostStart, PreStop }

/// <summary>An environment variable: a literal value, or a key of a ConfigMap.</summary>
public sealed record EnvVar(string Name, ScalarNode? Value, string? ConfigMapName, string? ConfigMapKey);

public sealed record ExecAction(HandlerKind Kind, IReadOnlyList<ScalarNode> Command)
{
    public string FieldName => Kind switch
    {
        HandlerKind.LivenessProbe => "livenessProbe",
        HandlerKind.ReadinessProbe => "readinessProbe",
        HandlerKind.StartupProbe => "startupProbe",
        HandlerKind.PostStart => "lifecycle.postStart",
        _ => "lifecycle.preStop",
    };
}

/// <summary>A probe or lifecycle hook that reaches a port of its own container (httpGet, tcpSocket or grpc).</summary>
public sealed record ProbeHandler(HandlerKind Kind, string Action, PortRef? Port, ScalarNode? Host);
