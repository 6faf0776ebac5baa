using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceSelectsSeveralWorkloadsRule() : Rule(new RuleDescriptor("KL104", "service-selects-several-workloads", "Service selects pods of several workloads", Severity.Note, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.SelectorKey is not null))
        {
            var templates = context.Snapshot.Resolve(service).Selected;
            var owners = templates.Select(t => t.Owner).Distinct().ToList();
            if (owners.Count < 2)
            {
                continue;
            }

            var distinguishing = templates[0].LabelValues.Keys
                .Where(k => templates.Any(t => !t.LabelValues.TryGetValue(k, out var v) || v != templates[0].LabelValues[k]))
                .OrderBy(k => k, StringComparer.Ordinal)
                .ToList();
            var hint = distinguishing.Count > 0
                ? $"if only one should receive traffic, add `{distinguishing[0]}` to the selector"
                : "if only one should receive traffic, give it a label the others lack and select on it";
            context.Report(service.SelectorKey!.Span,
                $"Service {service.Name} selects pods of {owners.Count} workloads ({Describe.List(owners.Select(o => o.ToString()))}); traffic is spread across all of them. {char.ToUpperInvariant(hint[0])}{hint.Substring(1)}",
                related: owners.Select(o => new RelatedLocation(o.NameSpan, $"{o} is selected")));
        }
    }
}
