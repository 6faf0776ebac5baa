using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Validation;

/// <summary>
/// Label-selector structure the API server rejects, in workload selectors and NetworkPolicy selectors. The binder
/// records each problem with its anchor (<see cref="LabelSelector.Problems"/>); KL103 and KL004 leave these selectors alone.
/// </summary>
public sealed class InvalidLabelSelectorRule() : Rule(new RuleDescriptor(
    "KL811", "invalid-label-selector", "Label selector the API server rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        foreach (var workload in context.Snapshot.Workloads.Where(w => !w.IsPod))
        {
            Report(context, workload, workload.Selector);
        }

        foreach (var policy in context.Snapshot.Objects.OfType<NetworkPolicyObject>())
        {
            Report(context, policy, policy.PodSelector);
            foreach (var selector in PolicySelectors.OfPeers(policy))
            {
                Report(context, policy, selector);
            }
        }
    }

    private static void Report(RuleContext context, KubeObject obj, LabelSelector? selector)
    {
        foreach (var problem in selector?.Problems ?? [])
        {
            context.Report(problem.At, $"{Rejection.By(obj)}: {problem.Message}");
        }
    }
}
