using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

/// <summary>
/// Reports the pod fields of some kinds that the simulation's pod validation rejects (<see cref="PodValidity"/>), for
/// every pod template and bare Pod; the simulation has already left them out.
/// </summary>
public abstract class PodFieldRule(RuleDescriptor descriptor, params PodField[] fields) : Rule(descriptor)
{
    public override void Check(RuleContext context)
    {
        foreach (var pod in context.Snapshot.PodTemplates)
        {
            foreach (var rejection in context.Snapshot.Validity(pod).Rejections)
            {
                if (Array.IndexOf(fields, rejection.Field) >= 0)
                {
                    context.Report(rejection.Span, $"{Rejection.By(pod.Owner)}: {rejection.Message}");
                }
            }
        }
    }
}
