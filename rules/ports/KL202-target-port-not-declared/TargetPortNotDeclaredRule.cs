using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class TargetPortNotDeclaredRule() : Rule(new RuleDescriptor("KL202", "target-port-not-declared", "Numeric targetPort is not a container port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in PortFacts.ResolvedPorts(context.Snapshot))
        {
            var target = resolution.Port.TargetPort;
            if (target is not { Number: { } number and not 0 } || !PortFacts.PodsDeclarePorts(resolution) || !PortFacts.NumberUndeclared(resolution))
            {
                continue;
            }

            context.Report(target.Value.Node.Span,
                $"targetPort {number} is not declared by any selected container: {PortFacts.DeclaredByPods(resolution)}. Traffic is still sent to {number}; if the application listens elsewhere, point targetPort at the declared port (by name, e.g. `targetPort: http`, it follows the container)");
        }
    }
}
