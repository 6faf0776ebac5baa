using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Dns;

public sealed class ProbeHostIsClusterNameRule() : Rule(new RuleDescriptor("KL309", "probe-host-is-cluster-name", "Probe host is a cluster name", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var pod in context.Snapshot.PodTemplates)
        {
            foreach (var container in pod.Spec.AllContainers)
            {
                // The kubelet runs every probe and lifecycle handler from the node: it resolves their host there.
                foreach (var handler in container.Handlers.Where(h => h.Host is { Value.Length: > 0 }))
                {
                    var host = handler.Host!;
                    var answer = context.Snapshot.Names.Resolve(host.Value, pod.Namespace, context.Snapshot.Validity(pod).Searches, pod.Owner.ApplyUnit);
                    if (!answer.IsClusterName)
                    {
                        continue;
                    }

                    var fix = handler.Action == "httpGet"
                        ? "Remove `host` (the pod's IP is used) and set `httpHeaders` with a Host header if the application needs one"
                        : "Remove `host` (the pod's IP is used)";
                    context.Report(host.Span,
                        $"the {Field(handler.Kind)} ({handler.Action}) of container {container.Name} in {pod.Owner} sets `host: {host.Value}`; the kubelet resolves it on the node, where cluster names usually do not resolve, and it would reach {answer.Describe()} instead of this container. {fix}");
                }
            }
        }
    }

    private static string Field(HandlerKind kind) => kind switch
    {
        HandlerKind.LivenessProbe => "liveness probe",
        HandlerKind.ReadinessProbe => "readiness probe",
        HandlerKind.StartupProbe => "startup probe",
        HandlerKind.PostStart => "postStart hook",
        _ => "preStop hook",
    };
}
