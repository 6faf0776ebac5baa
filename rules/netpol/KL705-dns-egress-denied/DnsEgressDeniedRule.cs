using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Netpol;

public sealed class DnsEgressDeniedRule() : Rule(new RuleDescriptor("KL705", "dns-egress-denied", "Egress policy blocks the pods' DNS lookups", Severity.Error, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        var dns = snapshot.Options.DnsPods;
        if (!snapshot.Options.NetworkPolicyEnforced || dns.NodeLocal || !snapshot.Policies.Any)
        {
            return;
        }

        var server = dns.Endpoint();
        var blocked = new Dictionary<NetworkPolicyObject, List<BlockedPod>>();
        foreach (var pod in snapshot.PodTemplates.Where(p => LooksUpThroughClusterDns(snapshot, p) && snapshot.OwnsNamespace(p.Namespace)))
        {
            var endpoint = snapshot.Policies.Endpoint(pod);
            if (snapshot.Policies.Isolated(endpoint, PolicyDirection.Egress) != Verdict.Yes)
            {
                continue;
            }

            // The verdicts first: pods isolated alike share them, while the names a pod uses are looked up pod by pod.
            var udp = Egress(snapshot, endpoint, server, dns, "UDP");
            var tcp = Egress(snapshot, endpoint, server, dns, "TCP");
            if ((udp.Verdict == Verdict.No || (udp.Verdict == Verdict.Yes && tcp.Verdict == Verdict.No)) &&
                snapshot.Names.UsedBy(pod).FirstOrDefault(r => !System.Net.IPAddress.TryParse(r.Host, out _)) is { } name)
            {
                var first = (udp.Verdict == Verdict.No ? udp : tcp).Isolating[0];
                (blocked.TryGetValue(first, out var list) ? list : blocked[first] = []).Add(new BlockedPod(pod, name, UdpDenied: udp.Verdict == Verdict.No));
            }
        }

        foreach (var entry in blocked)
        {
            var (policy, pods) = (entry.Key, entry.Value);
            var udpDenied = pods.Any(p => p.UdpDenied);
            var workloads = Describe.List(pods.Select(p => p.Pod.Owner.ToString()));
            var message = udpDenied
                ? $"{policy} isolates the pods of {workloads} for egress, and no egress rule lets them reach {server} on {Ports(dns, "UDP")}: every name lookup of those pods times out, cluster names and external ones alike"
                : $"{policy} isolates the pods of {workloads} for egress and lets them reach {server} on {Ports(dns, "UDP")} but not on {Ports(dns, "TCP")}: answers that do not fit in UDP (truncated, large records) fail";
            context.Report(Anchor(policy), message + Hint(policy, dns) + ". " + Fix(dns, udpDenied), udpDenied ? null : Severity.Note,
                pods.Select(p => new RelatedLocation(p.Name.Span, $"{p.Pod.Owner} looks up `{p.Name.Host}` ({p.Name.Where})")));
        }
    }

    /// <summary>
    /// The pod sends lookups to the cluster DNS: <c>ClusterFirst</c> (the default) without hostNetwork, or
    /// <c>ClusterFirstWithHostNet</c>; hostNetwork pods take part in no verdict, nor do pods whose dnsPolicy the API server rejects (KL812).
    /// </summary>
    private static bool LooksUpThroughClusterDns(ClusterSnapshot snapshot, PodTemplate pod) =>
        pod.Spec.HostNetwork?.Value != true && snapshot.Validity(pod).DnsPolicy is "ClusterFirst" or "ClusterFirstWithHostNet";

    /// <summary>The egress verdict to the DNS pods over their ports of one protocol: no when every port is denied, yes when one is allowed.</summary>
    private static DirectionVerdict Egress(ClusterSnapshot snapshot, PolicyEndpoint pod, PolicyEndpoint server, ClusterDnsPods dns, string protocol)
    {
        DirectionVerdict? first = null;
        DirectionVerdict? unknown = null;
        for (var i = 0; i < dns.Ports.Count; i++)
        {
            var port = dns.Ports[i];
            if (port.Protocol != protocol)
            {
                continue;
            }

            var verdict = snapshot.Policies.Allows(pod, PolicyDirection.Egress, server, server, port.Number, protocol);
            if (verdict.Verdict == Verdict.Yes)
            {
                return verdict;
            }

            first ??= verdict;
            unknown ??= verdict.Verdict == Verdict.Unknown ? verdict : null;
        }

        return unknown ?? first ?? DirectionVerdict.Undecided;
    }

    /// <summary>The <c>Egress</c> item of <c>policyTypes</c>, else the <c>egress</c> key (a policy without policyTypes enforces egress because it has egress rules).</summary>
    private static SourceSpan Anchor(NetworkPolicyObject policy) =>
        (policy.PolicyTypes.FirstOrDefault(t => t.Value == "Egress") ?? policy.EgressKey ?? policy.NameNode)?.Span ?? policy.NameSpan;

    private static string Ports(ClusterDnsPods dns, string protocol) =>
        string.Join(" or ", Each(dns, p => p.Protocol == protocol, p => $"{p.Number}/{protocol}"));

    /// <summary>The DNS pods' ports that are wanted, written once each (a loop: LINQ over the NamedPort struct is compiled at run time).</summary>
    private static List<string> Each(ClusterDnsPods dns, Func<NamedPort, bool> wanted, Func<NamedPort, string> write)
    {
        var written = new List<string>();
        for (var i = 0; i < dns.Ports.Count; i++)
        {
            if (wanted(dns.Ports[i]) && write(dns.Ports[i]) is var text && !written.Contains(text))
            {
                written.Add(text);
            }
        }

        return written;
    }

    /// <summary>A namespaceSelector on a label the DNS namespace does not carry (<c>name: kube-system</c>) is the usual cause.</summary>
    private static string Hint(NetworkPolicyObject policy, ClusterDnsPods dns)
    {
        var mislabelled = policy.Egress.SelectMany(r => r.Peers).Select(p => p.NamespaceSelector)
            .SelectMany(s => s?.Requirements ?? [])
            .FirstOrDefault(r => r.Key != NamespaceLabels.NameLabel && r.Operator == SelectorOperator.In && r.Values.Contains(dns.Namespace));
        return mislabelled is null
            ? string.Empty
            : $"; its namespaceSelector `{mislabelled}` does not select {dns.Namespace}, which carries only `{NamespaceLabels.NameLabel}: {dns.Namespace}` unless someone labels it (declare such a label under cluster.namespaces)";
    }

    private static string Fix(ClusterDnsPods dns, bool udpDenied)
    {
        var labels = new List<string>();
        foreach (var label in dns.Labels)
        {
            labels.Add($"{label.Key}: {label.Value}");
        }

        var peer = $"{{namespaceSelector: {{matchLabels: {{{NamespaceLabels.NameLabel}: {dns.Namespace}}}}}, podSelector: {{matchLabels: {{{string.Join(", ", labels)}}}}}}}";
        var ports = string.Join(", ", Each(dns, p => udpDenied || p.Protocol == "TCP", p => $"{{protocol: {p.Protocol}, port: {p.Number}}}"));
        return $"Add an egress rule `{{to: [{peer}], ports: [{ports}]}}`";
    }

    private sealed record BlockedPod(PodTemplate Pod, NameReference Name, bool UdpDenied);
}
