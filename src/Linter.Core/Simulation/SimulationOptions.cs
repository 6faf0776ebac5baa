
namespace Linter.Core.Simulation;

/// <summary>The cluster's settings the simulation depends on.</summary>
public sealed record SimulationOptions
{
    /// <summary>Where objects without <c>metadata.namespace</c> go, as <c>kubectl apply</c> would place them.</summary>
    public string DefaultNamespace { get; init; } = "default";

    /// <summary>The API server's <c>--service-node-port-range</c>.</summary>
    public PortRange NodePortRange { get; init; } = PortRange.DefaultNodePorts;

    private readonly string? _clusterDomain;

    /// <summary>
    /// The cluster's DNS domain (kubelet <c>--cluster-domain</c>), <c>cluster.local</c> unless configured. When it is
    /// not configured and the input holds CoreDNS's configuration, the simulation takes the zone that serves instead.
    /// </summary>
    public string ClusterDomain
    {
        get => _clusterDomain ?? "cluster.local";
        init => _clusterDomain = value;
    }

    /// <summary>The cluster domain was set (configuration file or command line), not defaulted: it wins over a Corefile in the input.</summary>
    public bool ClusterDomainConfigured => _clusterDomain is not null;

    /// <summary>The cluster DNS server's address, when known; pods with <c>dnsPolicy: None</c> need it.</summary>
    public string? ClusterDns { get; init; }

    /// <summary>Namespaces whose contents come from elsewhere: closed-world checks never apply to them.</summary>
    public IReadOnlyList<string> ExternalNamespaces { get; init; } = [];

    /// <summary>The Kubernetes version the manifests are applied to (major.minor); decides which API versions are served.</summary>
    public Version KubernetesVersion { get; init; } = ServedVersions.Newest;

    /// <summary>IngressClass names that exist in the cluster without being in the input.</summary>
    public IReadOnlyList<string> IngressClasses { get; init; } = [];

    /// <summary>GatewayClasses that exist in the cluster without being in the input, with where their data plane runs.</summary>
    public IReadOnlyList<ConfiguredGatewayClass> GatewayClasses { get; init; } = [];

    /// <summary>Labels namespaces carry in the cluster besides those of Namespace objects in the input (<c>cluster.namespaces.&lt;name&gt;.labels</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The cluster's pod address ranges (<c>cluster.podCIDRs</c>), when known.</summary>
    public IReadOnlyList<string> PodCidrs { get; init; } = [];

    /// <summary>The CNI matches pod addresses with <c>ipBlock</c> peers (false for Cilium; <c>cluster.networkPolicy.ipBlockMatchesPods</c>).</summary>
    public bool IpBlockMatchesPods { get; init; } = true;

    /// <summary>The network plugin enforces NetworkPolicies (<c>cluster.networkPolicy.enforced</c>); without it no connection is denied.</summary>
    public bool NetworkPolicyEnforced { get; init; } = true;

    /// <summary>Where the pods of Ingress controllers run, per class (<c>cluster.ingressControllers</c>).</summary>
    public IReadOnlyList<ConfiguredIngressController> IngressControllers { get; init; } = [];

    /// <summary>The cluster DNS pods that lookups go to (<c>cluster.dns</c>).</summary>
    public ClusterDnsPods DnsPods { get; init; } = ClusterDnsPods.Default;

    /// <summary>Services that exist in the cluster without being in the input.</summary>
    public IReadOnlyList<ConfiguredService> Services { get; init; } = [];
}
