using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class DefaultTargetPortNotDeclaredRule() : Rule(new RuleDescriptor("KL201", "default-target-port-not-declared", "Defaulted targetPort is not a container port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in PortFacts.ResolvedPorts(context.Snapshot))
        {
            var port = resolution.Port;
            if (port.TargetPort is { Name: not null } or { Number: not 0 } || !PortFacts.PodsDeclarePorts(resolution) || !PortFacts.NumberUndeclared(resolution))
            {
                continue;
            }

            var suggestion = resolution.Backends.SelectMany(b => b.Pod.Spec.RunningContainers.SelectMany(c => c.Ports)).FirstOrDefault();
            var fix = suggestion?.Name is { } name ? $"`targetPort: {name}`" : $"`targetPort: {suggestion?.Number?.Value}`";
            context.Report(port.Anchor,
                $"service port {port.Port!.Value.Value} has no targetPort, so traffic goes to port {port.Port.Value.Value} on the pods, but {PortFacts.DeclaredByPods(resolution)}. Set {fix} if that is where the application listens");
        }
    }
}
