using Linter.Core.Model;

namespace Linter.Rules.Validation;

/// <summary>The label selectors of a NetworkPolicy's peers, which KL810 and KL811 both check.</summary>
internal static class PolicySelectors
{
    /// <summary>Each peer's pod selector, then its namespace selector (null when not written), ingress rules first.</summary>
    public static IEnumerable<LabelSelector?> OfPeers(NetworkPolicyObject policy)
    {
        foreach (var rules in (IReadOnlyList<PolicyRule>[])[policy.Ingress, policy.Egress])
        {
            foreach (var rule in rules)
            {
                foreach (var peer in rule.Peers)
                {
                    yield return peer.PodSelector;
                    yield return peer.NamespaceSelector;
                }
            }
        }
    }
}
