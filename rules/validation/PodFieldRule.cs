using Linter.Core.Model;
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
            foreach (var rejection in context.Snapshot.Validity(pod).Rejections.Where(r => fields.Contains(r.Field)))
            {
                context.Report(rejection.Span, $"{Rejection.By(pod.Owner)}: {rejection.Message}");
            }
        }
    }
}

/// <summary>How the KL8xx rules name the object the API server rejects.</summary>
internal static class Rejection
{
    /// <summary>"Deployment web (shop): the API server rejects the Deployment".</summary>
    public static string By(KubeObject obj) =>
        $"{(obj.Namespace.Length > 0 ? $"{obj} ({obj.Namespace})" : obj.ToString())}: the API server rejects the {obj.Kind}";
}
