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
            if (!service.HasSelector || service.IsExternalName || service.SelectorKey is null || !snapshot.IsKnownNamespace(service.Namespace, besides: service))
            {
                continue;
            }

            var resolution = snapshot.Resolve(service);
            if (resolution.Selected.Count > 0 || resolution.UsesUnknowableLabels)
            {
                continue;
            }

            var wanted = service.Selector!;
            var message = $"Service {service.Name} selects {Describe.Pairs(wanted)}, but no pod in namespace {service.Namespace} carries these labels, so it has no endpoints";
            var related = new List<RelatedLocation>();
            var nearest = Nearest(wanted, snapshot.Labels.InNamespace(service.Namespace));
            if (nearest is not null)
            {
                message += $"; nearest: pods of {nearest.Owner} carry {Differences(wanted, nearest)}";
                related.Add(new RelatedLocation(nearest.Owner.NameSpan, $"{nearest.Owner}: labels {Describe.Labels(nearest.LabelValues)}"));
            }
            else
            {
                message += snapshot.Labels.InNamespace(service.Namespace).Count == 0
                    ? "; the input has no pods in that namespace"
                    : "; no pod template there has similar labels";
            }

            var elsewhere = OtherNamespace(context, service);
            if (elsewhere is not null)
            {
                message += $". Pods of {elsewhere.Owner} in namespace {elsewhere.Namespace} match, but a Service only selects pods of its own namespace";
                related.Add(new RelatedLocation(elsewhere.Owner.NameSpan, $"{elsewhere.Owner} in namespace {elsewhere.Namespace}"));
            }

            context.Report(service.SelectorKey.Span, message + ". Make the selector equal to the pod template's labels", related: related);
        }
    }

    /// <summary>
    /// The pod template whose labels come closest to the selector: exact pairs count most, then values by how close
    /// they are (edit distance relative to length), so `svc-00009-v2` finds `svc-00009`, not `svc-00002`. Only a
    /// template with an exactly matching pair, or a value that looks like a typo of the wanted one, is offered.
    /// </summary>
    private static PodTemplate? Nearest(IReadOnlyList<StringPair> wanted, IReadOnlyList<PodTemplate> candidates)
    {
        PodTemplate? best = null;
        var bestScore = double.MinValue;
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

            if (plausible && score > bestScore)
            {
                (best, bestScore) = (template, score);
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

    private static PodTemplate? OtherNamespace(RuleContext context, ServiceObject service)
    {
        var pairs = service.SelectorPairs;
        return context.Snapshot.Labels.Namespaces
            .Where(ns => ns != service.Namespace)
            .Select(ns => context.Snapshot.Labels.Select(ns, pairs).FirstOrDefault())
            .FirstOrDefault(t => t is not null);
    }
}
