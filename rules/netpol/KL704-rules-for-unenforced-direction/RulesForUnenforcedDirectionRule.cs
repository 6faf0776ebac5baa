using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Netpol;

public sealed class RulesForUnenforcedDirectionRule() : Rule(new RuleDescriptor(
    "KL704", "rules-for-unenforced-direction", "NetworkPolicy rules for a direction the policy does not enforce", Severity.Warning, "netpol"))
{
    public override void Check(RuleContext context)
    {
        foreach (var defect in context.Snapshot.PolicyDefects.Directions)
        {
            var policy = defect.Policy;
            if (defect.EmptyEgress)
            {
                var ingress = policy.IngressKey is null ? "it denies all ingress to the selected pods and " : string.Empty;
                context.Report(defect.At.Span,
                    $"{policy} writes `egress: []` without `policyTypes`: defaulting makes it an Ingress-only policy ({ingress}leaves egress open). " +
                    "To deny egress, list `Egress` in `policyTypes` (and `Ingress` only if ingress should be denied too)");
                continue;
            }

            var key = defect.Direction == PolicyDirection.Ingress ? "ingress" : "egress";
            var count = policy.Rules(defect.Direction).Count;
            var written = Describe.List(policy.PolicyTypes.Select(t => t.Value));
            context.Report(defect.At.Span,
                $"{policy} has {count} {key} rule{(count == 1 ? string.Empty : "s")}, but `policyTypes` lists only {written}: the {key} rules are ignored and {key} is not restricted by this policy. " +
                $"Add `{defect.Direction}` to `policyTypes`, or remove the `{key}` rules",
                related: policy.PolicyTypesKey is { } types ? [new RelatedLocation(types.Span, "policyTypes")] : null);
        }
    }
}
