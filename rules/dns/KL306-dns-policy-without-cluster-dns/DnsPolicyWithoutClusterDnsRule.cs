using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Dns;

public sealed class DnsPolicyWithoutClusterDnsRule() : Rule(new RuleDescriptor("KL306", "dns-policy-without-cluster-dns", "dnsPolicy without cluster DNS, but cluster names used", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        var clusterDns = context.Snapshot.Options.ClusterDns;
        foreach (var pod in context.Snapshot.PodTemplates)
        {
            // A dnsPolicy (KL812) or nameserver (KL813) the API server rejects leaves nothing to advise on.
            var validity = context.Snapshot.Validity(pod);
            var policy = pod.Spec.DnsPolicyNode;
            var missing = validity.DnsPolicy switch
            {
                "Default" => "`dnsPolicy: Default` gives the pod the node's resolver (Default is not the default; ClusterFirst is)",
                "None" when clusterDns is not null && !validity.Rejects(PodField.Nameservers) && !validity.Nameservers.Contains(clusterDns) => $"`dnsPolicy: None` with nameservers that do not include the cluster DNS server {clusterDns}",
                _ => null,
            };
            if (missing is null || context.Snapshot.Names.FirstClusterNameUsedBy(pod) is not { } example)
            {
                continue;
            }

            context.Report(policy!.Span,
                $"{pod.Owner} has {missing}, so cluster names such as {Describe.Reference(example)} do not resolve. Use `dnsPolicy: ClusterFirst` (ClusterFirstWithHostNet with hostNetwork)");
        }
    }
}
