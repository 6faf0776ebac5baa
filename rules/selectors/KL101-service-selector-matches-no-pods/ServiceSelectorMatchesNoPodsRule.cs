using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceSelectorMatchesNoPodsRule() : Rule(new RuleDescriptor("KL101", "service-selector-matches-no-pods", "Service selector matches no pods", Severity.Warning, "selectors"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var service in snapshot.Services)
        {
            if (!service.HasSelector || service.IsExternalName || service.SelectorKey is null)
            {
                continue;
            }

            var resolution = snapshot.Resolve(service);
            if (resolution.Selected.Count > 0 || resolution.UsesUnknowableLabels)
            {
                continue;
            }

            // Pods that match in another namespace: the Service was meant for the closest of them. When those are
            // written without a namespace, they may be applied with `-n` into the Service's: no evidence of a mistake.
            var elsewhere = ClosestMatchElsewhere(snapshot, service);
            var meant = elsewhere is { Owner.HasExplicitNamespace: true } ? elsewhere : null;
            if (meant is null && (elsewhere is not null || !snapshot.OwnsNamespace(service.Namespace)))
            {
                continue;
            }

            var wanted = service.Selector!;
            var message = $"{service} selects {Describe.Pairs(wanted)}, but no pod in namespace {service.Namespace} carries these labels, so it has no endpoints";
            var related = new List<RelatedLocation>();
            var wantedPairs = NearestTemplate.Pairs(wanted);
            var nearest = NearestTemplate.Find(wantedPairs, snapshot.Labels.InNamespace(service.Namespace), service);
            if (nearest is not null)
            {
                message += $"; nearest: pods of {nearest.Owner} carry {NearestTemplate.Differences(wantedPairs, nearest)}";
                related.Add(new RelatedLocation(nearest.Owner.NameSpan, $"{nearest.Owner}: labels {Describe.Labels(nearest.LabelValues)}"));
            }

            var (entries, entryLocations) = Describe.Entries(snapshot, service);
            message += entries;
            related.AddRange(entryLocations);
            if (meant is not null)
            {
                message += $". Pods of {meant.Owner} in namespace {meant.Namespace} match, but a Service only selects pods of its own namespace: " +
                           $"put the Service in namespace {meant.Namespace} (or the workload in {service.Namespace})";
                related.Add(new RelatedLocation(meant.Owner.NameSpan, $"{meant.Owner} in namespace {meant.Namespace}"));
                context.Report(service.SelectorKey.Span, message, related: related);
            }
            else if (nearest is not null)
            {
                context.Report(service.SelectorKey.Span, message + ". Make the selector equal to the pod template's labels", related: related);
            }
            else
            {
                // Nothing of the input resembles the selector. Where the input declares the namespace, that proves a
                // mistake; where it only deploys into it, the pods may come from elsewhere (a Helm chart, an operator).
                var none = snapshot.Labels.InNamespace(service.Namespace).Count == 0 ? "the input has no pods in that namespace" : "no pod template there has similar labels";
                var declared = snapshot.DeclaresNamespace(service.Namespace);
                context.Report(service.SelectorKey.Span,
                    declared
                        ? $"{message}; {none}, and the input declares the namespace. Add the workload or fix the selector"
                        : $"{message}; {none}. If its pods are deployed by something outside the input (a Helm chart, an operator), this is expected; otherwise add the workload or fix the selector",
                    declared ? null : Severity.Note, related);
            }
        }
    }

    /// <summary>Of the pod templates the selector matches in other namespaces, the one written closest to the Service.</summary>
    private static PodTemplate? ClosestMatchElsewhere(Core.Simulation.ClusterSnapshot snapshot, ServiceObject service)
    {
        PodTemplate? closest = null;
        foreach (var template in snapshot.Labels.SelectElsewhere(service.Namespace, service.SelectorPairs))
        {
            if (closest is null || NearestTemplate.Proximity(template, service) > NearestTemplate.Proximity(closest, service))
            {
                closest = template;
            }
        }

        return closest;
    }
}
