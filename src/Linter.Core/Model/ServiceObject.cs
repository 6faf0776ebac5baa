using Linter.Core.Loading;

namespace Linter.Core.Model;

public sealed class ServiceObject : KubeObject
{
    internal ServiceObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Service") { }

    /// <summary>ClusterIP (the default), NodePort, LoadBalancer or ExternalName.</summary>
    public string Type { get; internal set; } = "ClusterIP";

    public ScalarNode? TypeNode { get; internal set; }

    public bool IsHeadless { get; internal set; }

    public ScalarNode? ClusterIPNode { get; internal set; }

    public ScalarNode? ExternalNameNode { get; internal set; }

    /// <summary>The <c>externalIPs</c> key, when it lists addresses.</summary>
    public ScalarNode? ExternalIPsKey { get; internal set; }

    public ScalarNode? ExternalTrafficPolicyNode { get; internal set; }

    /// <summary>Clients outside the cluster reach the Service: NodePort, LoadBalancer, or addresses under <c>externalIPs</c>.</summary>
    public bool IsExposedOutside => AllowsNodePorts || ExternalIPsKey is not null;

    /// <summary>The <c>spec.selector</c> key, when written.</summary>
    public ScalarNode? SelectorKey { get; internal set; }

    /// <summary>The equality selector; null when absent, empty for <c>selector: {}</c> (both select nothing).</summary>
    public IReadOnlyList<StringPair>? Selector { get; internal set; }

    /// <summary>The selector was written as a label selector (matchLabels/matchExpressions): the API server rejects it.</summary>
    public bool SelectorIsLabelSelector { get; internal set; }

    /// <summary>The keys and values of <c>spec.selector</c> the API server rejects (KL810); the selector is then left out (<see cref="Selector"/> is null).</summary>
    public IReadOnlyList<LabelProblem> SelectorProblems { get; internal set; } = [];

    /// <summary>The API server rejects the selector (KL102, KL810): which pods it would select is not a question.</summary>
    public bool SelectorRejected => SelectorIsLabelSelector || SelectorProblems.Count > 0;

    /// <summary>The <c>matchLabels</c> of a selector written as a label selector: what the selector was meant to be.</summary>
    public IReadOnlyList<StringPair> SelectorMatchLabels { get; internal set; } = [];

    public IReadOnlyList<ServicePort> Ports { get; internal set; } = [];

    public bool IsExternalName => Type == "ExternalName";

    public bool AllowsNodePorts => Type is "NodePort" or "LoadBalancer";

    public bool HasSelector => Selector is { Count: > 0 };

    /// <summary>The selector as key=value pairs, for label index look-ups.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SelectorPairs =>
        Selector?.Select(p => new KeyValuePair<string, string>(p.Key.Value, p.Value.Value)).ToList() ?? [];
}

public sealed class ServicePort
{
    internal ServicePort(MappingNode item, int index) => (Item, Index) = (item, index);

    public MappingNode Item { get; }

    public int Index { get; }

    public ScalarNode? NameNode { get; internal set; }

    public string? Name => NameNode?.Value;

    public IntField? Port { get; internal set; }

    public PortRef? TargetPort { get; internal set; }

    /// <summary>The protocol as written; null when defaulted to TCP.</summary>
    public ScalarNode? ProtocolNode { get; internal set; }

    public string Protocol => ProtocolNode?.Value ?? "TCP";

    public IntField? NodePort { get; internal set; }

    /// <summary>Where to point for this port: its <c>port</c> value, or the item.</summary>
    public SourceSpan Anchor => Port?.Node.Span ?? Item.Span;

    public override string ToString() => Name is null ? $"{Port?.Value}/{Protocol}" : $"{Name} ({Port?.Value}/{Protocol})";
}
