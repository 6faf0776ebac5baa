using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Validation;

/// <summary>
/// Label keys and values the API server rejects, wherever labels are written or selected: <c>metadata.labels</c> of
/// objects and pod templates, Service selectors, workload and NetworkPolicy label selectors. The binder records them
/// and leaves them out: such a pod label does not exist, and such a selector is not evaluated (KL101, KL103, KL7xx).
/// </summary>
public sealed class InvalidLabelRule() : Rule(new RuleDescriptor(
    "KL810", "invalid-label", "Label key or value the API server rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        foreach (var obj in context.Snapshot.Objects)
        {
            Report(context, obj, obj.LabelProblems);
            switch (obj)
            {
                case ServiceObject service:
                    Report(context, obj, service.SelectorProblems);
                    break;
                case WorkloadObject workload:
                    Report(context, obj, workload.TemplateLabelProblems);
                    Report(context, obj, workload.Selector?.LabelProblems);
                    break;
                case NetworkPolicyObject policy:
                    Report(context, obj, policy.PodSelector?.LabelProblems);
                    foreach (var selector in PolicySelectors.OfPeers(policy))
                    {
                        Report(context, obj, selector?.LabelProblems);
                    }

                    break;
            }
        }
    }

    private static void Report(RuleContext context, KubeObject obj, IReadOnlyList<LabelProblem>? problems)
    {
        foreach (var problem in problems ?? [])
        {
            context.Report(problem.At, $"{Rejection.By(obj)}: {problem.Message}");
        }
    }
}
