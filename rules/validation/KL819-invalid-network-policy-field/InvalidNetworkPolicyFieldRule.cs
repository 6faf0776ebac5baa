using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

/// <summary>
/// NetworkPolicy ports, peers, ipBlocks and policyTypes the API server rejects, as <see cref="PolicyChecks"/> computes them
/// (the same checks make the NetworkPolicy simulation count such a rule as unknown). Selectors are KL811's.
/// </summary>
public sealed class InvalidNetworkPolicyFieldRule() : Rule(new RuleDescriptor(
    "KL819", "invalid-network-policy-field", "NetworkPolicy field the API server rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        foreach (var policy in context.Snapshot.Objects.OfType<NetworkPolicyObject>())
        {
            string? where = null; // written for a policy with a problem only: most have none
            foreach (var problem in PolicyChecks.Problems(policy, context.Snapshot.Options.KubernetesVersion))
            {
                where ??= policy.Namespace.Length > 0 ? $"{policy} ({policy.Namespace})" : policy.ToString();
                context.Report(problem.At, $"{where}: the API server rejects the NetworkPolicy: \"{problem.Reason}\"; {problem.Fix}");
            }
        }
    }
}
