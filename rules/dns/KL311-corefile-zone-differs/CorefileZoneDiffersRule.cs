using Linter.Core.Rules;

namespace Linter.Rules.Dns;

public sealed class CorefileZoneDiffersRule() : Rule(new RuleDescriptor("KL311", "corefile-zone-differs", "CoreDNS serves another zone than the configured cluster domain", Severity.Note, "dns"))
{
    public override void Check(RuleContext context)
    {
        var options = context.Snapshot.Options;
        var configured = options.ClusterDomain.Trim('.').ToLowerInvariant();
        if (context.Snapshot.Dns.Corefile is not { } corefile || corefile.Zones.Contains(configured))
        {
            return;
        }

        var used = options.ClusterDomainConfigured
            ? $"kubelint keeps the configured cluster domain `{configured}` and checks names against it; if this Corefile is what the cluster runs, set the cluster domain to `{corefile.Zone}` (`cluster.clusterDomain`, `--cluster-domain`)"
            : $"kubelint checks names against `{corefile.Zone}`, the zone this Corefile serves, instead of the default `{configured}`; set the cluster domain (`cluster.clusterDomain`, `--cluster-domain`) if the cluster runs another configuration";
        context.Report(corefile.Span,
            $"CoreDNS's Corefile (ConfigMap coredns in kube-system) serves Service names under `{corefile.Zone}`, not `{configured}`: {used}. Pods' search lists come from the kubelet's clusterDomain, which must be the same zone");
    }
}
