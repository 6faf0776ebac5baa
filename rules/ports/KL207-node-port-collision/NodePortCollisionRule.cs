using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class NodePortCollisionRule() : Rule(new RuleDescriptor("KL207", "node-port-collision", "Two Services ask for the same nodePort", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        var range = context.Snapshot.Options.NodePortRange;
        foreach (var service in context.Snapshot.Services)
        {
            foreach (var port in service.Ports)
            {
                if (context.Snapshot.NodePorts.ConflictOf(port) is not { } owner)
                {
                    continue;
                }

                var holder = owner.Service == service
                    ? $"port {owner.Port.Port?.Value} of the same Service (one Service may share a node port only between TCP and UDP of the same port)"
                    : $"Service {owner.Service.Name} in namespace {owner.Service.Namespace}";
                context.Report(port.NodePort!.Value.Node.Span,
                    $"nodePort {owner.Number} is already taken by {holder}; node ports are allocated per number across the whole cluster, so creating {service} fails (provided port is already allocated). Pick another number in {range}, or omit nodePort",
                    related: [new(owner.Port.NodePort!.Value.Node.Span, $"nodePort {owner.Number} of Service {owner.Service.Name}")]);
            }
        }
    }
}
