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
            var nearest = Nearest(wanted, snapshot.Labels.InNamespace(service.Namespace), service);
            if (nearest is not null)
            {
                message += $"; nearest: pods of {nearest.Owner} carry {Differences(wanted, nearest)}";
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

    /// <summary>
    /// The pod template whose labels come closest to the selector: exact pairs count most, then values by how close
    /// they are (edit distance relative to length), so `svc-00009-v2` finds `svc-00009`, not `svc-00002`. Only a
    /// template with an exactly matching pair, or a value that looks like a typo of the wanted one, is offered.
    /// Of equally close templates, the one in the Service's file, then its folder, is named.
    /// </summary>
    private static PodTemplate? Nearest(IReadOnlyList<StringPair> wanted, IReadOnlyList<PodTemplate> candidates, ServiceObject service)
    {
        PodTemplate? best = null;
        var bestScore = (Score: double.MinValue, Proximity: 0);
        foreach (var template in candidates)
        {
            var score = 0.0;
            var plausible = false;
            foreach (var pair in wanted)
            {
                if (!template.LabelValues.TryGetValue(pair.Key.Value, out var value))
                {
                    continue;
                }

                var exact = value == pair.Value.Value;
                plausible |= exact || Similar(value, pair.Value.Value);
                score += exact ? 4 : 1 + 2 * Closeness(value, pair.Value.Value);
            }

            // Equal scores go to the template written closest to the Service: its file, then its folder.
            var proximity = Proximity(template, service);
            if (plausible && (score > bestScore.Score || (score == bestScore.Score && proximity > bestScore.Proximity)))
            {
                (best, bestScore) = (template, (score, proximity));
            }
        }

        return best;
    }

    /// <summary>1 for equal strings, 0 for nothing in common: edit distance and the shared prefix, each relative to the
    /// longer string (`svc-00009` is as many edits from `svc-00009-v2` as `svc-00002`, but shares more of its start).</summary>
    private static double Closeness(string a, string b)
    {
        var length = Math.Max(1, Math.Max(a.Length, b.Length));
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return (1.0 - (double)EditDistance.Between(a, b) / length + (double)prefix / length) / 2;
    }

    private static bool Similar(string a, string b) =>
        a.Contains(b) || b.Contains(a) || EditDistance.Between(a, b) <= Math.Max(2, Math.Min(a.Length, b.Length) / 3);

    private static string Differences(IReadOnlyList<StringPair> wanted, PodTemplate template)
    {
        var parts = new List<string>();
        foreach (var pair in wanted)
        {
            var key = pair.Key.Value;
            if (!template.LabelValues.TryGetValue(key, out var value))
            {
                parts.Add($"no label {key}");
            }
            else if (value != pair.Value.Value)
            {
                parts.Add($"{key}={value}");
            }
        }

        return Describe.List(parts);
    }

    /// <summary>2 for a template in the Service's file, 1 in its folder, 0 elsewhere.</summary>
    private static int Proximity(PodTemplate template, ServiceObject service) =>
        template.Owner.Document.File == service.Document.File ? 2 : template.Owner.ApplyUnit == service.ApplyUnit ? 1 : 0;

    /// <summary>Of the pod templates the selector matches in other namespaces, the one written closest to the Service.</summary>
    private static PodTemplate? ClosestMatchElsewhere(Core.Simulation.ClusterSnapshot snapshot, ServiceObject service)
    {
        var pairs = service.SelectorPairs;
        PodTemplate? closest = null;
        foreach (var ns in snapshot.Labels.Namespaces.Where(ns => ns != service.Namespace))
        {
            foreach (var template in snapshot.Labels.Select(ns, pairs))
            {
                if (closest is null || Proximity(template, service) > Proximity(closest, service))
                {
                    closest = template;
                }
            }
        }

        return closest;
    }
}
