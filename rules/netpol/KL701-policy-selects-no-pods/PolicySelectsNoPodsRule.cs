using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Rules.Selectors;

namespace Linter.Rules.Netpol;

public sealed class PolicySelectsNoPodsRule() : Rule(new RuleDescriptor(
    "KL701", "policy-selects-no-pods", "NetworkPolicy podSelector selects no pod of its namespace", Severity.Warning, "netpol"))
{
    public override void Check(RuleContext context)
    {
        foreach (var defect in context.Snapshot.PolicyDefects.Selectors)
        {
            var policy = defect.Policy;
            var selector = policy.PodSelector!;
            var message = $"{policy} selects {selector}, but no pod in namespace {policy.Namespace} carries these labels, so the policy governs nothing";
            var related = new List<RelatedLocation>();
            var wanted = selector.Pairs;
            if (NearestTemplate.Find(wanted, defect.Candidates, policy) is { } nearest)
            {
                var differences = NearestTemplate.Differences(wanted, nearest);
                var failed = Describe.List(selector.Requirements
                    .Where(r => r is not { Operator: SelectorOperator.In, Values.Count: 1 } && !r.Matches(nearest.LabelValues))
                    .Select(r => r.ToString()));
                var how = differences.Length == 0 ? $"do not satisfy {failed}"
                    : failed.Length == 0 ? $"carry {differences}" : $"carry {differences} and do not satisfy {failed}";
                message += $"; nearest: pods of {nearest.Owner} {how}";
                related.Add(new RelatedLocation(nearest.Owner.NameSpan, $"{nearest.Owner}: labels {Describe.Labels(nearest.LabelValues)}"));
                message += ". Make the podSelector match the pod template's labels";
            }
            else
            {
                message += $"; the pod templates there carry {Describe.List(defect.Candidates.Select(p => $"{Describe.Labels(p.LabelValues)} ({p.Owner})"))}";
            }

            context.Report(defect.At.Span, message, related: related);
        }
    }
}
