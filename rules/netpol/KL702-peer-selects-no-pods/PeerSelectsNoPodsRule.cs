using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Rules.Selectors;

namespace Linter.Rules.Netpol;

public sealed class PeerSelectsNoPodsRule() : Rule(new RuleDescriptor(
    "KL702", "peer-selects-no-pods", "NetworkPolicy peer selects no pod", Severity.Warning, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var defect in snapshot.PolicyDefects.Peers)
        {
            var rule = defect.Rule;
            var policy = rule.Policy;
            var peers = rule.Direction == PolicyDirection.Ingress ? "from" : "to";
            var scope = Describe.List(defect.Scope);
            var namespaces = defect.Scope.Count == 1 ? $"namespace {scope}" : $"namespaces {scope}";
            var outcome = rule.Direction == PolicyDirection.Ingress ? "allows no source" : "allows no destination";
            if (defect.NoNamespace)
            {
                context.Report(defect.At.Span,
                    $"a `{peers}` peer of {rule} has namespaceSelector {defect.Peer.NamespaceSelector}, which matches none of the namespaces it names ({scope}; their labels: " +
                    $"{Describe.List(defect.Scope.Select(ns => NamespaceLabels(snapshot, ns)))}): the peer {outcome}. Match the labels the namespace carries");
                continue;
            }

            var selector = defect.Peer.PodSelector!;
            var message = $"a `{peers}` peer of {rule} selects pods {selector} of {namespaces}, but no pod there carries these labels: the peer {outcome}";
            var related = new List<RelatedLocation>();
            if (defect.Elsewhere is { } elsewhere)
            {
                related.Add(new RelatedLocation(elsewhere.Owner.NameSpan, $"{elsewhere.Owner} in namespace {elsewhere.Namespace}"));
                message += $". Pods of {elsewhere.Owner} in namespace {elsewhere.Namespace} match, but a `podSelector` alone selects pods of the policy's own namespace";
                var index = IndexOf(rule.Peers, defect.Peer);
                message += index > 0 && rule.Peers[index - 1] is { NamespaceSelectorKey: not null, PodSelectorKey: null }
                    ? ". This peer is a separate list item from the `namespaceSelector` before it, and two items are OR (these pods of " +
                      $"{policy.Namespace}, or every pod of the selected namespaces); one item with both keys is AND: remove the `-` before `podSelector` to mean these pods in those namespaces"
                    : $". Add a `namespaceSelector` for {elsewhere.Namespace} to the same item (one item with both keys is AND; two items are OR)";
            }
            else if (NearestTemplate.Find(selector.Pairs, defect.Scope.SelectMany(snapshot.Labels.InNamespace).ToList(), policy) is { } nearest)
            {
                message += $"; nearest: pods of {nearest.Owner} carry {NearestTemplate.Differences(selector.Pairs, nearest)}";
                related.Add(new RelatedLocation(nearest.Owner.NameSpan, $"{nearest.Owner}: labels {Describe.Labels(nearest.LabelValues)}"));
            }

            context.Report(defect.At.Span, message, related: related);
        }
    }

    private static int IndexOf(IReadOnlyList<PolicyPeer> peers, PolicyPeer peer)
    {
        for (var i = 0; i < peers.Count; i++)
        {
            if (peers[i] == peer)
            {
                return i;
            }
        }

        return -1;
    }

    private static string NamespaceLabels(Core.Simulation.ClusterSnapshot snapshot, string ns) =>
        $"{ns}: {Describe.Labels(snapshot.NamespaceLabels.Of(ns, out _))}";
}
