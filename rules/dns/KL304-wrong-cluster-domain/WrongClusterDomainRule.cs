using Linter.Core.Rules;

namespace Linter.Rules.Dns;

public sealed class WrongClusterDomainRule() : Rule(new RuleDescriptor("KL304", "wrong-cluster-domain", "Fully qualified name with another cluster domain", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        var domain = context.Snapshot.Dns.Domain;
        foreach (var reference in context.Snapshot.Names.All)
        {
            var labels = reference.Host.TrimEnd('.').ToLowerInvariant().Split('.');

            // A Service name `x.ns.svc.<domain>` or a pod name `host.service.ns.svc.<domain>`: the first `svc` after a namespace.
            var svc = labels.Length < 4 ? -1 : Array.FindIndex(labels, 2, l => l == "svc");
            if (svc < 0 || svc > 3 || svc == labels.Length - 1 || !context.Snapshot.HasNamespace(labels[svc - 1]))
            {
                continue;
            }

            var written = string.Join(".", labels.Skip(svc + 1));
            if (written != domain)
            {
                var inCluster = string.Join(".", labels.Take(svc));
                context.Report(reference.Span,
                    $"`{reference.Host}` ({reference.Where}) ends in `.svc.{written}`, but the cluster domain is `{domain}`: the name goes to the upstream resolver and fails. Write `{inCluster}` (portable across clusters) or `{inCluster}.svc.{domain}`");
            }
        }
    }
}
