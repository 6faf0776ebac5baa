namespace Linter.Core.Simulation;

/// <summary>
/// The cluster DNS pods as NetworkPolicies see them (traffic semantics §4.6, <c>cluster.dns</c>): kubeadm's CoreDNS in
/// <c>kube-system</c> with <c>k8s-app: kube-dns</c>, answering on 53/UDP and 53/TCP, unless configured otherwise.
/// With NodeLocal DNSCache, pods query their own node, which policies always allow.
/// </summary>
public sealed record ClusterDnsPods(string Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<NamedPort> Ports, bool NodeLocal)
{
    public static ClusterDnsPods Default { get; } = new(
        "kube-system", new Dictionary<string, string>(StringComparer.Ordinal) { ["k8s-app"] = "kube-dns" }, [new NamedPort("dns", 53, "UDP"), new NamedPort("dns-tcp", 53, "TCP")], NodeLocal: false);

    /// <summary>The pods as one end of a connection.</summary>
    public PolicyEndpoint Endpoint() => PolicyEndpoint.BuiltIn($"the cluster DNS pods ({Namespace}, {string.Join(",", Labels.Select(l => $"{l.Key}={l.Value}"))})", Namespace, Labels, Ports);
}
