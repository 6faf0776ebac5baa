using Linter.Core.Rules;

namespace Linter.Rules.Dns;

public sealed class HostNetworkWithoutClusterDnsRule() : Rule(new RuleDescriptor("KL305", "host-network-without-cluster-dns", "hostNetwork pod uses cluster names without cluster DNS", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var pod in context.Snapshot.PodTemplates)
        {
            // A dnsPolicy the API server rejects (KL812) is unknown: DnsPolicy is null.
            var policy = context.Snapshot.Validity(pod).DnsPolicy;
            if (pod.Spec.HostNetwork is not { Value: true } hostNetwork || policy != "ClusterFirst" ||
                context.Snapshot.Names.FirstClusterNameUsedBy(pod) is not { } example)
            {
                continue;
            }

            var written = pod.Spec.DnsPolicyNode is null ? "defaults to ClusterFirst" : "is ClusterFirst";
            context.Report(hostNetwork.Node.Span,
                $"{pod.Owner} runs with hostNetwork and its dnsPolicy {written}, so the kubelet gives it the node's resolver, which does not know cluster names such as {Describe.Reference(example)}. Set `dnsPolicy: ClusterFirstWithHostNet`");
        }
    }
}
