using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class DefaultTargetPortNotDeclaredRule() : Rule(new RuleDescriptor("KL201", "default-target-port-not-declared", "Defaulted targetPort is not a container port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (service, resolution) in PortFacts.ResolvedServicePorts(context.Snapshot))
        {
            var port = resolution.Port;
            if (port.TargetPort is { Name: not null } or { Number: not 0 } || !PortFacts.PodsDeclarePorts(resolution) ||
                !PortFacts.NumberUndeclared(resolution) || PortFacts.EvidentlyServed(context.Snapshot, resolution))
            {
                continue;
            }

            var number = port.Port!.Value.Value;
            var fix = PortFacts.AdviseTarget(service, resolution) switch
            {
                { Candidate: { } target } => $"Set `targetPort: {target}` if that is where the application listens",
                { AllTaken: true } => $"Every declared port is already the target of another port of this Service; if nothing listens on {number}, remove this port",
                _ => "Set targetPort to the declared port the application listens on (by name, it follows the container)",
            };
            var (entries, entryLocations) = PortFacts.EntriesTo(context.Snapshot, service, resolution, "are sent to it");
            context.Report(port.Anchor,
                $"service port {number} has no targetPort, so traffic goes to port {number} on the pods, but {PortFacts.DeclaredByPods(resolution)}. {fix}; if it listens on {number}, declare {number} in the container's ports{entries}", related: entryLocations);
        }
    }
}
