using Linter.Core.Loading;

namespace Linter.Core.Model;

public sealed class ServiceObject : KubeObject
{
    private IReadOnlyList<StringPair>? _selector;

    internal ServiceObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Service") { }

    /// <summary>The annotation the API server reads as <c>loadBalancerSourceRanges</c> when the field is empty.</summary>
    public const string SourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private ScalarNode? _clusterIPNode;
    private IReadOnlyList<ScalarNode> _externalIPs = [];
    private ScalarNode? _externalTrafficPolicyNode;

    /// <summary>ClusterIP (the default), NodePort, LoadBalancer or ExternalName, as written.</summary>
    public string Type { get; internal set; } = "ClusterIP";

    public ScalarNode? TypeNode { get; internal set; }

    /// <summary>
    /// The type is one the API server accepts. When it is not (KL801), what depends on the type is unknown: the
    /// Service is neither ClusterIP nor NodePort, LoadBalancer or ExternalName to the simulation.
    /// </summary>
    public bool TypeKnown => !LeftOut.HasFlag(ServiceFields.Type);

    /// <summary>The <c>spec</c> key.</summary>
    public ScalarNode? SpecKey { get; internal set; }

    /// <summary><c>clusterIP: None</c>, unless the API server rejects or ignores the cluster IPs.</summary>
    public bool IsHeadless => _clusterIPNode?.Value == "None" && !LeftOut.HasFlag(ServiceFields.ClusterIP);

    /// <summary>
    /// The API server rejects <c>clusterIP</c>/<c>clusterIPs</c> (KL802): whether the Service is headless, and its
    /// address, are unknown.
    /// </summary>
    public bool ClusterIPUnknown => LeftOut.HasFlag(ServiceFields.ClusterIP) && !IsExternalName;

    /// <summary>The <c>clusterIP</c> value, unless the API server rejects or ignores it.</summary>
    public ScalarNode? ClusterIPNode
    {
        get => LeftOut.HasFlag(ServiceFields.ClusterIP) ? null : _clusterIPNode;
        internal set => _clusterIPNode = value;
    }

    /// <summary>The <c>clusterIP</c> value as written, whatever the API server makes of it.</summary>
    public ScalarNode? WrittenClusterIP => _clusterIPNode;

    /// <summary>The <c>clusterIPs</c> key, when written.</summary>
    public ScalarNode? ClusterIPsKey { get; internal set; }

    /// <summary>The <c>clusterIPs</c> items: the addresses of a dual-stack Service, the first equal to <c>clusterIP</c>.</summary>
    public IReadOnlyList<ScalarNode> ClusterIPs { get; internal set; } = [];

    /// <summary>The <c>ipFamilies</c> key, when written.</summary>
    public ScalarNode? IpFamiliesKey { get; internal set; }

    /// <summary>The <c>ipFamilies</c> items, <c>IPv4</c> and <c>IPv6</c>, in the order of the addresses.</summary>
    public IReadOnlyList<ScalarNode> IpFamilies { get; internal set; } = [];

    /// <summary><c>ipFamilyPolicy</c>: <c>SingleStack</c>, <c>PreferDualStack</c> or <c>RequireDualStack</c>.</summary>
    public ScalarNode? IpFamilyPolicyNode { get; internal set; }

    public ScalarNode? ExternalNameNode { get; internal set; }

    /// <summary>The <c>externalIPs</c> key, when it lists addresses.</summary>
    public ScalarNode? ExternalIPsKey { get; internal set; }

    /// <summary>The <c>externalIPs</c> items the API server accepts (all of them as written, before validation).</summary>
    public IReadOnlyList<ScalarNode> ExternalIPs { get; private set; } = [];

    /// <summary>The <c>externalIPs</c> items as written.</summary>
    public IReadOnlyList<ScalarNode> WrittenExternalIPs
    {
        get => _externalIPs;
        internal set => ExternalIPs = _externalIPs = value;
    }

    /// <summary>The <c>externalTrafficPolicy</c> value, unless the API server rejects it.</summary>
    public ScalarNode? ExternalTrafficPolicyNode
    {
        get => LeftOut.HasFlag(ServiceFields.ExternalTrafficPolicy) ? null : _externalTrafficPolicyNode;
        internal set => _externalTrafficPolicyNode = value;
    }

    /// <summary>The <c>externalTrafficPolicy</c> value as written.</summary>
    public ScalarNode? WrittenExternalTrafficPolicy => _externalTrafficPolicyNode;

    /// <summary><c>internalTrafficPolicy</c>: <c>Cluster</c> (the default) or <c>Local</c>.</summary>
    public ScalarNode? InternalTrafficPolicyNode { get; internal set; }

    /// <summary>The node port a load balancer polls to find nodes with local endpoints (LoadBalancer with <c>externalTrafficPolicy: Local</c>).</summary>
    public IntField? HealthCheckNodePort { get; internal set; }

    /// <summary><c>sessionAffinity</c>: <c>None</c> (the default) or <c>ClientIP</c>.</summary>
    public ScalarNode? SessionAffinityNode { get; internal set; }

    /// <summary>The <c>sessionAffinityConfig</c> key, when written.</summary>
    public ScalarNode? SessionAffinityConfigKey { get; internal set; }

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>.</summary>
    public IntField? AffinityTimeout { get; internal set; }

    /// <summary>The <c>loadBalancerSourceRanges</c> key, when it lists ranges.</summary>
    public ScalarNode? SourceRangesKey { get; internal set; }

    /// <summary>The <c>loadBalancerSourceRanges</c> items, as written (validation trims spaces).</summary>
    public IReadOnlyList<ScalarNode> SourceRanges { get; internal set; } = [];

    /// <summary>The <c>allocateLoadBalancerNodePorts</c> key, when written.</summary>
    public ScalarNode? AllocateNodePortsKey { get; internal set; }

    /// <summary>The <c>loadBalancerClass</c> key, when written.</summary>
    public ScalarNode? LoadBalancerClassKey { get; internal set; }

    /// <summary>The <c>loadBalancerClass</c> value, when written.</summary>
    public ScalarNode? LoadBalancerClass { get; internal set; }

    /// <summary><c>ports</c> lists at least one item (or holds a value of the wrong type, which KL003 reports).</summary>
    public bool HasPorts { get; internal set; }

    /// <summary>The source-ranges annotation (<see cref="SourceRangesAnnotation"/>), when written.</summary>
    public StringPair? SourceRangesAnnotationPair =>
        Annotations.Where(a => a.Key.Value == SourceRangesAnnotation).Select(a => (StringPair?)a).FirstOrDefault();

    /// <summary>Fields the API server rejects or ignores, which the simulation leaves out (RULES.md ground rule 4).</summary>
    public ServiceFields LeftOut { get; private set; }

    /// <summary>Clients outside the cluster reach the Service: NodePort, LoadBalancer, or addresses under <c>externalIPs</c>.</summary>
    public bool IsExposedOutside => AllowsNodePorts || ExternalIPs.Count > 0;

    /// <summary>Leaves fields the API server rejects or ignores out of the simulation; set once, by the snapshot's validation.</summary>
    internal void LeaveOut(ServiceFields fields, IReadOnlyList<ScalarNode> rejectedExternalIPs)
    {
        LeftOut = fields;
        if (rejectedExternalIPs.Count > 0)
        {
            // Most Services have no rejected address: they keep the written list, not a copy each.
            var rejected = new HashSet<ScalarNode>(rejectedExternalIPs);
            ExternalIPs = _externalIPs.Where(ip => !rejected.Contains(ip)).ToArray();
        }
    }

    /// <summary>The <c>spec.selector</c> key, when written.</summary>
    public ScalarNode? SelectorKey { get; internal set; }

    /// <summary>The equality selector; null when absent, empty for <c>selector: {}</c> (both select nothing).</summary>
    public IReadOnlyList<StringPair>? Selector
    {
        get => _selector;
        internal set
        {
            _selector = value;
            SelectorPairs = value?.Select(p => new KeyValuePair<string, string>(p.Key.Value, p.Value.Value)).ToArray() ?? [];
        }
    }

    /// <summary>The selector was written as a label selector (matchLabels/matchExpressions): the API server rejects it.</summary>
    public bool SelectorIsLabelSelector { get; internal set; }

    /// <summary>The keys and values of <c>spec.selector</c> the API server rejects (KL810); the selector is then left out (<see cref="Selector"/> is null).</summary>
    public IReadOnlyList<LabelProblem> SelectorProblems { get; internal set; } = [];

    /// <summary>The API server rejects the selector (KL102, KL810): which pods it would select is not a question.</summary>
    public bool SelectorRejected => SelectorIsLabelSelector || SelectorProblems.Count > 0;

    /// <summary>The <c>matchLabels</c> of a selector written as a label selector: what the selector was meant to be.</summary>
    public IReadOnlyList<StringPair> SelectorMatchLabels { get; internal set; } = [];

    public IReadOnlyList<ServicePort> Ports { get; internal set; } = [];

    public bool IsExternalName => TypeKnown && Type == "ExternalName";

    public bool AllowsNodePorts => TypeKnown && Type is "NodePort" or "LoadBalancer";

    public bool HasSelector => Selector is { Count: > 0 };

    /// <summary>The selector as key=value pairs, for label index look-ups.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SelectorPairs { get; private set; } = [];
}

/// <summary>Service fields the simulation leaves out because the API server rejects or ignores them.</summary>
[Flags]
public enum ServiceFields
{
    None = 0,

    /// <summary>An unsupported <c>type</c> (KL801).</summary>
    Type = 1,

    /// <summary>Rejected cluster IPs (KL802), or cluster IPs an ExternalName Service may not have (KL804).</summary>
    ClusterIP = 2,

    /// <summary>An unsupported or misplaced <c>externalTrafficPolicy</c> (KL806).</summary>
    ExternalTrafficPolicy = 4,
}

public sealed class ServicePort
{
    internal ServicePort(SourceSpan span, int index) => (Span, Index) = (span, index);

    /// <summary>The port's item in <c>spec.ports</c>.</summary>
    public SourceSpan Span { get; }

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
    public SourceSpan Anchor => Port?.Node.Span ?? Span;

    public override string ToString() => Name is null ? $"{Port?.Value}/{Protocol}" : $"{Name} ({Port?.Value}/{Protocol})";
}
