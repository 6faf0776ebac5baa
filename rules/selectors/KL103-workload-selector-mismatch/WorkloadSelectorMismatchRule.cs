using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class WorkloadSelectorMismatchRule() : Rule(new RuleDescriptor("KL103", "workload-selector-mismatch", "Workload selector does not match its pod template", Severity.Error, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var workload in context.Snapshot.Workloads.Where(w => !w.IsPod && w.Template is not null))
        {
            var labels = workload.Template!.LabelValues;
            var selector = workload.Selector;
            if (selector is null)
            {
                if (workload.RequiresSelector && workload.SelectorKey is null && workload.SpecKey is not null)
                {
                    var fix = labels.Count > 0
                        ? $"add `selector: {{matchLabels: {{{Inline(labels)}}}}}` matching the template labels"
                        : "label the pod template and select those labels";
                    context.Report(workload.SpecKey.Span, $"{workload} ({workload.ApiVersion}) has no `spec.selector`; the API server requires one: {fix}");
                }

                continue;
            }

            if (!selector.IsValid || workload.SelectorKey is null)
            {
                continue;
            }

            // An empty selector of a Deployment, ReplicaSet, StatefulSet or DaemonSet is KL811's (the binder marks it
            // invalid); a Job's empty manual selector matches its template, and the API server accepts it.
            if (selector.IsEmpty)
            {
                continue;
            }

            var failing = selector.Requirements.Where(r => !r.Matches(labels)).Select(r => $"`{r}`").ToList();
            if (failing.Count > 0)
            {
                context.Report(workload.SelectorKey.Span,
                    $"the selector of {workload} does not match its pod template: {Describe.List(failing)} fails for the template labels {Describe.Labels(labels)}. The API server rejects the {workload.Kind} (`selector` does not match template `labels`); make them agree");
            }
        }
    }

    private static string Inline(IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {l.Value}"));
}
