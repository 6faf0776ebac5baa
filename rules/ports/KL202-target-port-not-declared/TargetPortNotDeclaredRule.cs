using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class TargetPortNotDeclaredRule() : Rule(new RuleDescriptor("KL202", "target-port-not-declared", "Numeric targetPort is not a container port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (service, resolution) in PortFacts.ResolvedServicePorts(context.Snapshot))
        {
            var target = resolution.Port.TargetPort;
            if (target is not { Number: { } number and not 0 } || !PortFacts.PodsDeclarePorts(resolution) ||
                !PortFacts.NumberUndeclared(resolution) || PortFacts.EvidentlyServed(context.Snapshot, resolution))
            {
                continue;
            }

            var fix = PortFacts.AdviseTarget(service, resolution) switch
            {
                { Candidate: { } candidate } => $"if the application listens on the declared port `{candidate}` instead, set `targetPort: {candidate}`",
                { AllTaken: true } => $"every declared port is already the target of another port of this Service, so if nothing listens on {number}, remove this port",
                _ => "if the application listens elsewhere, point targetPort at that declared port (by name, it follows the container)",
            };
            var (entries, entryLocations) = PortFacts.EntriesTo(context.Snapshot, service, resolution, "are sent to it");
            context.Report(target.Value.Node.Span,
                $"targetPort {number} is not declared by any selected container: {PortFacts.DeclaredByPods(resolution)}. Traffic is still sent to {number}; {fix}; if it listens on {number}, declare {number} in the container's ports{entries}", related: entryLocations);
        }
    }
}
