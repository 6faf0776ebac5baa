using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceSelectsSeveralWorkloadsRule() : Rule(new RuleDescriptor("KL104", "service-selects-several-workloads", "Service selects pods of several workloads", Severity.Note, "selectors"))
{
    public override void Check(RuleContext context)
    {
        // Services with the same selector share one selection (the same list): each selection is judged once, its findings
        // share the text.
        var judged = new Dictionary<IReadOnlyList<PodTemplate>, Spread?>();
        foreach (var service in context.Snapshot.Services.Where(s => s.SelectorKey is not null))
        {
            var templates = context.Snapshot.Resolve(service).Selected;
            if (!judged.TryGetValue(templates, out var spread))
            {
                spread = Spread.Of(templates);
                judged[templates] = spread;
            }

            if (spread is not null)
            {
                context.Report(service.SelectorKey!.Span,
                    $"{service} selects pods of {spread.Count} workloads ({spread.Owners}); traffic is spread across all of them. {spread.Hint}",
                    related: spread.Related);
            }
        }
    }

    /// <summary>The workloads a selection spans (at least two), listed, with the hint and a related location for each.</summary>
    private sealed record Spread(int Count, string Owners, string Hint, RelatedLocation[] Related)
    {
        public static Spread? Of(IReadOnlyList<PodTemplate> templates)
        {
            if (templates.Count < 2)
            {
                return null; // one template is one workload (most selections)
            }

            // Copies of one workload (the same object in two files) are one workload.
            var owners = templates.Select(t => t.Owner).GroupBy(o => o.Key).Select(g => g.First()).ToList();
            if (owners.Count < 2)
            {
                return null;
            }

            var distinguishing = templates[0].LabelValues.Keys
                .Where(k => templates.Any(t => !t.LabelValues.TryGetValue(k, out var v) || v != templates[0].LabelValues[k]))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();
            var hint = distinguishing.Count > 0
                ? $"if only one should receive traffic, add `{distinguishing[0]}` to the selector"
                : "if only one should receive traffic, give it a label the others lack and select on it";
            return new Spread(owners.Count, Describe.List(owners.Select(o => o.ToString())), $"{char.ToUpperInvariant(hint[0])}{hint.Substring(1)}",
                owners.Select(o => new RelatedLocation(o.NameSpan, $"{o} is selected")).ToArray());
        }
    }
}
