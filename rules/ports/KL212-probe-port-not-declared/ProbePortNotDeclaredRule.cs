using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class ProbePortNotDeclaredRule() : Rule(new RuleDescriptor("KL212", "probe-port-not-declared", "Probe names a port the container does not declare", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var template in context.Snapshot.PodTemplates)
        {
            foreach (var container in template.Spec.AllContainers)
            {
                foreach (var handler in container.Handlers)
                {
                    if (handler.Port is not { Name: { } name } port)
                    {
                        continue;
                    }

                    // The kubelet finds the first container port of that name, whatever its protocol, and connects over TCP
                    // to the pod's IP: any running container of the pod that declares the number for TCP answers.
                    var named = container.Ports.FirstOrDefault(p => p.Name == name);
                    if (named is not null)
                    {
                        if (named.Protocol == "UDP" && !container.Ports.Concat(template.Spec.RunningContainers.SelectMany(c => c.Ports))
                                .Any(p => p.Protocol == "TCP" && p.Number?.Value == named.Number?.Value))
                        {
                            ReportUdp(context, template, container, handler, port, named);
                        }

                        continue;
                    }

                    var names = container.Ports.Where(p => p.Name is not null).Select(p => p.Name!).ToList();
                    var nearest = EditDistance.Nearest(name, names);
                    var hint = nearest is not null ? $"did you mean `{nearest}`?" : names.Count > 0 ? $"it declares {Describe.List(names.Select(n => $"`{n}`"))}" : "it declares no named ports";
                    var (effect, severity) = handler.Kind switch
                    {
                        HandlerKind.LivenessProbe => ("the kubelet cannot resolve it and discards the result, so the liveness probe is silently disabled and a hung container is never restarted", Severity.Warning),
                        HandlerKind.ReadinessProbe => ("the kubelet cannot resolve it, so the readiness probe never passes and the pod never receives Service traffic", (Severity?)null),
                        HandlerKind.StartupProbe => ("the kubelet cannot resolve it, so the startup probe never passes and the container never becomes ready", null),
                        _ => ("the kubelet cannot resolve it, so the hook fails and the container is killed", null),
                    };
                    context.Report(port.Node.Span,
                        $"{Label(handler.Kind)} of container {container.Name} in {template.Owner} uses port `{name}`, which the container does not declare; {effect}. Name a container port `{name}` or use the number ({hint})",
                        severity);
                }
            }
        }
    }

    /// <summary>The name resolves, but only to a UDP port: the probe connects over TCP to a number nothing declares for TCP.</summary>
    private static void ReportUdp(RuleContext context, PodTemplate template, Container container, ProbeHandler handler, PortRef port, ContainerPort named)
    {
        var effect = handler.Kind switch
        {
            HandlerKind.LivenessProbe => "the liveness probe fails and the kubelet restarts a healthy container again and again",
            HandlerKind.ReadinessProbe => "the readiness probe fails and the pod never receives Service traffic",
            HandlerKind.StartupProbe => "the startup probe fails and the container never becomes ready",
            _ => "the hook fails and the container is killed",
        };
        context.Report(port.Node.Span,
            $"{Label(handler.Kind)} ({handler.Action}) of container {container.Name} in {template.Owner} uses port `{port.Name}`, which the container declares only as {named.Number?.Value}/UDP; the kubelet connects over TCP, so {effect}. Probe a TCP port, or declare {named.Number?.Value}/TCP if the application listens on it",
            Severity.Error,
            [new RelatedLocation(named.Span, $"container port {Describe.Port(named)}")]);
    }

    private static string Label(HandlerKind kind) => kind switch
    {
        HandlerKind.LivenessProbe => "the liveness probe",
        HandlerKind.ReadinessProbe => "the readiness probe",
        HandlerKind.StartupProbe => "the startup probe",
        HandlerKind.PostStart => "the postStart hook",
        _ => "the preStop hook",
    };
}
