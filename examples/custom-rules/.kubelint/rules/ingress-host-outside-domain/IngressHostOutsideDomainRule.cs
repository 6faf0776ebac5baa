using Linter.Core.Model;
using Linter.Core.Rules;

namespace Acme.Rules;

/// <summary>Every Ingress host is one of the configured domains or under one (<c>ruleOptions: {ACME002: {domains: [...]}}</c>).</summary>
public sealed class IngressHostOutsideDomainRule() : Rule(new RuleDescriptor(
    "ACME002", "ingress-host-outside-domain", "An Ingress host is outside the configured domains", Severity.Error, "custom"))
{
    public override void Check(RuleContext context)
    {
        var domains = context.Options.Strings("domains");
        if (domains.Count == 0)
        {
            return;
        }

        foreach (var ingress in context.Snapshot.Objects.OfType<IngressObject>())
        {
            foreach (var host in ingress.Rules.Select(rule => rule.Host).OfType<Linter.Core.Loading.ScalarNode>())
            {
                if (!domains.Any(domain => host.Value == domain || host.Value.EndsWith("." + domain, StringComparison.Ordinal)))
                {
                    context.Report(host.Span, $"host {host.Value} of Ingress {ingress.Name} is not under {string.Join(" or ", domains)}: only those domains point at this cluster's load balancer");
                }
            }
        }
    }
}
