using Linter.Core.Loading;

namespace Linter.Core.Model;

public enum PolicyDirection { Ingress, Egress }

/// <summary>A NetworkPolicy (<c>networking.k8s.io/v1</c>; the removed <c>extensions/v1beta1</c> reads the same fields).</summary>
public sealed class NetworkPolicyObject : KubeObject
{
    internal NetworkPolicyObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "NetworkPolicy") { }

    /// <summary>The <c>spec</c> key, when written.</summary>
    public ScalarNode? SpecKey { get; internal set; }

    public ScalarNode? PodSelectorKey { get; internal set; }

    /// <summary><c>spec.podSelector</c>; absent or <c>{}</c> selects every pod of the namespace.</summary>
    public LabelSelector? PodSelector { get; internal set; }

    public ScalarNode? PolicyTypesKey { get; internal set; }

    /// <summary><c>spec.egress</c> is written as a list (possibly empty).</summary>
    internal bool EgressIsList { get; set; }

    /// <summary><c>spec.policyTypes</c> as written.</summary>
    public IReadOnlyList<ScalarNode> PolicyTypes { get; internal set; } = [];

    public ScalarNode? IngressKey { get; internal set; }

    public IReadOnlyList<PolicyRule> Ingress { get; internal set; } = [];

    public ScalarNode? EgressKey { get; internal set; }

    public IReadOnlyList<PolicyRule> Egress { get; internal set; } = [];

    /// <summary>
    /// The directions the policy enforces after defaulting: the written <c>policyTypes</c>, else <c>Ingress</c>, plus
    /// <c>Egress</c> when <c>egress</c> has rules (<c>SetDefaults_NetworkPolicy</c>).
    /// </summary>
    public bool Enforces(PolicyDirection direction)
    {
        if (PolicyTypes.Count == 0)
        {
            return direction == PolicyDirection.Ingress || Egress.Count > 0;
        }

        var name = direction == PolicyDirection.Ingress ? nameof(PolicyDirection.Ingress) : nameof(PolicyDirection.Egress);
        for (var i = 0; i < PolicyTypes.Count; i++)
        {
            if (PolicyTypes[i].Value == name)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<PolicyRule> Rules(PolicyDirection direction) => direction == PolicyDirection.Ingress ? Ingress : Egress;
}

/// <summary>One <c>ingress[]</c> or <c>egress[]</c> rule: it allows a connection when a port and a peer match.</summary>
public sealed class PolicyRule(NetworkPolicyObject policy, PolicyDirection direction, SourceSpan span, int index)
{
    public NetworkPolicyObject Policy { get; } = policy;

    public PolicyDirection Direction { get; } = direction;

    /// <summary>The rule's item in <c>ingress</c> or <c>egress</c>.</summary>
    public SourceSpan Span { get; } = span;

    public int Index { get; } = index;

    /// <summary>The <c>ports</c> entries; none means every port.</summary>
    public IReadOnlyList<PolicyPort> Ports { get; internal set; } = [];

    /// <summary>The <c>from</c> (ingress) or <c>to</c> (egress) key, when written.</summary>
    public ScalarNode? PeersKey { get; internal set; }

    /// <summary>The peers; none (absent or empty) means every source or destination.</summary>
    public IReadOnlyList<PolicyPeer> Peers { get; internal set; } = [];

    public override string ToString() => $"{(Direction == PolicyDirection.Ingress ? "ingress" : "egress")} rule {Index + 1} of {Policy}";
}

/// <summary>One <c>ports[]</c> entry: protocol (default TCP), a port number or name (absent: every port), an inclusive <c>endPort</c>.</summary>
public sealed class PolicyPort(SourceSpan span)
{
    /// <summary>The entry's item in <c>ports</c>.</summary>
    public SourceSpan Span { get; } = span;

    public ScalarNode? ProtocolNode { get; internal set; }

    public string Protocol => ProtocolNode?.Value ?? "TCP";

    public PortRef? Port { get; internal set; }

    public IntField? EndPort { get; internal set; }

    public override string ToString() => Port is not { } port ? $"every {Protocol} port"
        : EndPort is { } end ? $"{port}-{end.Value}/{Protocol}" : $"{port}/{Protocol}";
}

/// <summary>One <c>from[]</c> or <c>to[]</c> entry: pods (of namespaces) by selector, or an address block.</summary>
public sealed class PolicyPeer(SourceSpan span)
{
    /// <summary>The peer's item in <c>from</c> or <c>to</c>.</summary>
    public SourceSpan Span { get; } = span;

    public ScalarNode? PodSelectorKey { get; internal set; }

    public LabelSelector? PodSelector { get; internal set; }

    public ScalarNode? NamespaceSelectorKey { get; internal set; }

    public LabelSelector? NamespaceSelector { get; internal set; }

    public ScalarNode? IpBlockKey { get; internal set; }

    public ScalarNode? Cidr { get; internal set; }

    public IReadOnlyList<ScalarNode> Except { get; internal set; } = [];

    public bool IsIpBlock => IpBlockKey is not null;
}
