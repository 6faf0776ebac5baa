using Linter.Core.Loading;

namespace Linter.Core.Model;

public sealed class ServiceObject : KubeObject
{
    private IReadOnlyList<StringPair>? _selector;

    // Kept as values, not nodes (see ScalarData); the properties give a new node on each read.
    private ScalarData _specKey;
    private ScalarData _selectorKey;

    internal ServiceObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Service") { }

    /// <summary>Where the snapshot lists the Service (-1 before it does): what its tables of values per Service are indexed by.</summary>
    internal int Position { get; set; } = -1;

    /// <summary>The annotation the API server reads as <c>loadBalancerSourceRanges</c> when the field is empty.</summary>
    public const string SourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private ScalarNode? _clusterIPNode;
    private Uncommon? _uncommon;

    /// <summary>ClusterIP (the default), NodePort, LoadBalancer or ExternalName, as written.</summary>
    public string Type { get; internal set; } = "ClusterIP";

    public ScalarNode? TypeNode { get; internal set; }

    /// <summary>
    /// The type is one the API server accepts. When it is not (KL801), what depends on the type is unknown: the
    /// Service is neither ClusterIP nor NodePort, LoadBalancer or ExternalName to the simulation.
    /// </summary>
    public bool TypeKnown => !LeftOut.HasFlag(ServiceFields.Type);

    /// <summary>The <c>spec</c> key.</summary>
    public ScalarNode? SpecKey { get => _specKey.ToNode(); internal set => _specKey = ScalarData.Of(value); }

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
    public ScalarNode? ClusterIPsKey => _uncommon?.ClusterIPsKey;

    /// <summary>The <c>clusterIPs</c> items: the addresses of a dual-stack Service, the first equal to <c>clusterIP</c>.</summary>
    public IReadOnlyList<ScalarNode> ClusterIPs => _uncommon?.ClusterIPs ?? [];

    /// <summary>The <c>ipFamilies</c> key, when written.</summary>
    public ScalarNode? IpFamiliesKey => _uncommon?.IpFamiliesKey;

    /// <summary>The <c>ipFamilies</c> items, <c>IPv4</c> and <c>IPv6</c>, in the order of the addresses.</summary>
    public IReadOnlyList<ScalarNode> IpFamilies => _uncommon?.IpFamilies ?? [];

    /// <summary><c>ipFamilyPolicy</c>: <c>SingleStack</c>, <c>PreferDualStack</c> or <c>RequireDualStack</c>.</summary>
    public ScalarNode? IpFamilyPolicyNode => _uncommon?.IpFamilyPolicy;

    public ScalarNode? ExternalNameNode => _uncommon?.ExternalName;

    /// <summary>The <c>externalIPs</c> key, when it lists addresses.</summary>
    public ScalarNode? ExternalIPsKey => _uncommon?.ExternalIPsKey;

    /// <summary>The <c>externalIPs</c> items the API server accepts (all of them as written, before validation).</summary>
    public IReadOnlyList<ScalarNode> ExternalIPs => _uncommon?.AcceptedExternalIPs ?? WrittenExternalIPs;

    /// <summary>The <c>externalIPs</c> items as written.</summary>
    public IReadOnlyList<ScalarNode> WrittenExternalIPs => _uncommon?.ExternalIPs ?? [];

    /// <summary>The <c>externalTrafficPolicy</c> value, unless the API server rejects it.</summary>
    public ScalarNode? ExternalTrafficPolicyNode => LeftOut.HasFlag(ServiceFields.ExternalTrafficPolicy) ? null : WrittenExternalTrafficPolicy;

    /// <summary>The <c>externalTrafficPolicy</c> value as written.</summary>
    public ScalarNode? WrittenExternalTrafficPolicy => _uncommon?.ExternalTrafficPolicy;

    /// <summary><c>internalTrafficPolicy</c>: <c>Cluster</c> (the default) or <c>Local</c>.</summary>
    public ScalarNode? InternalTrafficPolicyNode => _uncommon?.InternalTrafficPolicy;

    /// <summary>The node port a load balancer polls to find nodes with local endpoints (LoadBalancer with <c>externalTrafficPolicy: Local</c>).</summary>
    public IntField? HealthCheckNodePort => _uncommon?.HealthCheckNodePort;

    /// <summary><c>sessionAffinity</c>: <c>None</c> (the default) or <c>ClientIP</c>.</summary>
    public ScalarNode? SessionAffinityNode => _uncommon?.SessionAffinity;

    /// <summary>The <c>sessionAffinityConfig</c> key, when written.</summary>
    public ScalarNode? SessionAffinityConfigKey => _uncommon?.SessionAffinityConfigKey;

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>.</summary>
    public IntField? AffinityTimeout => _uncommon?.AffinityTimeout;

    /// <summary>The <c>loadBalancerSourceRanges</c> key, when it lists ranges.</summary>
    public ScalarNode? SourceRangesKey => _uncommon?.SourceRangesKey;

    /// <summary>The <c>loadBalancerSourceRanges</c> items, as written (validation trims spaces).</summary>
    public IReadOnlyList<ScalarNode> SourceRanges => _uncommon?.SourceRanges ?? [];

    /// <summary>The <c>allocateLoadBalancerNodePorts</c> key, when written.</summary>
    public ScalarNode? AllocateNodePortsKey => _uncommon?.AllocateNodePortsKey;

    /// <summary>The <c>loadBalancerClass</c> key, when written.</summary>
    public ScalarNode? LoadBalancerClassKey => _uncommon?.LoadBalancerClassKey;

    /// <summary>The <c>loadBalancerClass</c> value, when written.</summary>
    public ScalarNode? LoadBalancerClass => _uncommon?.LoadBalancerClass;

    /// <summary>Keeps the fields most Services leave out, when one of them is written (see <see cref="Uncommon"/>).</summary>
    internal void Keep(Uncommon fields)
    {
        if (fields.AnyWritten)
        {
            _uncommon = fields;
        }
    }

    /// <summary><c>ports</c> lists at least one item (or holds a value of the wrong type, which KL003 reports).</summary>
    public bool HasPorts { get; internal set; }

    /// <summary>The source-ranges annotation (<see cref="SourceRangesAnnotation"/>), when written.</summary>
    public StringPair? SourceRangesAnnotationPair => Annotation(SourceRangesAnnotation);

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
            _uncommon!.AcceptedExternalIPs = WrittenExternalIPs.Where(ip => !rejected.Contains(ip)).ToArray();
        }
    }

    /// <summary>The <c>spec.selector</c> key, when written.</summary>
    public ScalarNode? SelectorKey { get => _selectorKey.ToNode(); internal set => _selectorKey = ScalarData.Of(value); }

    /// <summary>The equality selector; null when absent, empty for <c>selector: {}</c> (both select nothing).</summary>
    public IReadOnlyList<StringPair>? Selector
    {
        get => _selector;
        internal set
        {
            _selector = value;
            SelectorPairs = value?.Select(p => new KeyValuePair<string, string>(p.KeyText, p.ValueText)).ToArray() ?? [];
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

    /// <summary>
    /// The fields most Services do not write (dual stack, external names and addresses, traffic policies, session
    /// affinity, load balancer settings), bound together: a Service keeps them only when one is written, one
    /// reference instead of twenty fields on every Service.
    /// </summary>
    internal sealed class Uncommon
    {
        public IReadOnlyList<ScalarNode> ClusterIPs { get; init; } = [];

        public ScalarNode? ClusterIPsKey { get; init; }

        public IReadOnlyList<ScalarNode> IpFamilies { get; init; } = [];

        public ScalarNode? IpFamiliesKey { get; init; }

        public ScalarNode? IpFamilyPolicy { get; init; }

        public ScalarNode? ExternalName { get; init; }

        public IReadOnlyList<ScalarNode> ExternalIPs { get; init; } = [];

        public ScalarNode? ExternalIPsKey { get; init; }

        /// <summary>The written external IPs less those the API server rejects; null when it rejects none.</summary>
        public IReadOnlyList<ScalarNode>? AcceptedExternalIPs { get; set; }

        public ScalarNode? ExternalTrafficPolicy { get; init; }

        public ScalarNode? InternalTrafficPolicy { get; init; }

        public IntField? HealthCheckNodePort { get; init; }

        public ScalarNode? SessionAffinity { get; init; }

        public ScalarNode? SessionAffinityConfigKey { get; init; }

        public IntField? AffinityTimeout { get; init; }

        public IReadOnlyList<ScalarNode> SourceRanges { get; init; } = [];

        public ScalarNode? SourceRangesKey { get; init; }

        public ScalarNode? AllocateNodePortsKey { get; init; }

        public ScalarNode? LoadBalancerClass { get; init; }

        public ScalarNode? LoadBalancerClassKey { get; init; }

        /// <summary>A field is written: every key kept comes with a value or an item, so the values and lists say it.</summary>
        public bool AnyWritten =>
            ClusterIPs.Count > 0 || IpFamilies.Count > 0 || IpFamilyPolicy is not null || ExternalName is not null ||
            ExternalIPs.Count > 0 || ExternalTrafficPolicy is not null || InternalTrafficPolicy is not null ||
            HealthCheckNodePort is not null || SessionAffinity is not null || SessionAffinityConfigKey is not null ||
            AffinityTimeout is not null || SourceRanges.Count > 0 || AllocateNodePortsKey is not null ||
            LoadBalancerClass is not null;
    }
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
    // Kept as a value, not a node (see ScalarData); the property gives a new node on each read.
    private ScalarData _name;

    internal ServicePort(SourceSpan span, int index) => (Span, Index) = (span, index);

    /// <summary>The port's item in <c>spec.ports</c>.</summary>
    public SourceSpan Span { get; }

    public int Index { get; }

    public ScalarNode? NameNode { get => _name.ToNode(); internal set => _name = ScalarData.Of(value); }

    public string? Name => _name.Value;

    public IntField? Port { get; internal set; }

    public PortRef? TargetPort { get; internal set; }

    /// <summary>The protocol as written; null when defaulted to TCP.</summary>
    public ScalarNode? ProtocolNode { get; internal set; }

    public string Protocol => ProtocolNode?.Value ?? "TCP";

    public IntField? NodePort { get; internal set; }

    /// <summary>Where to point for this port: its <c>port</c> value, or the item.</summary>
    public SourceSpan Anchor => Port?.Span ?? Span;

    public override string ToString() => Name is null ? $"{Port?.Value}/{Protocol}" : $"{Name} ({Port?.Value}/{Protocol})";
}
