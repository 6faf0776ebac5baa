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
            if (labels.Length < 4 || labels[2] != "svc" || !context.Snapshot.HasNamespace(labels[1]))
            {
                continue;
            }

            var written = string.Join(".", labels.Skip(3));
            if (written != domain)
            {
                var fixedName = $"{labels[0]}.{labels[1]}.svc.{domain}";
                context.Report(reference.Span,
                    $"`{reference.Host}` ({reference.Where}) ends in `.svc.{written}`, but the cluster domain is `{domain}`: the name goes to the upstream resolver and fails. Write `{labels[0]}.{labels[1]}` (portable across clusters) or `{fixedName}`");
            }
        }
    }
}
