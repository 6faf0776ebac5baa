using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ports;

public sealed class NodePortCollisionRule() : Rule(new RuleDescriptor("KL207", "node-port-collision", "Two Services ask for the same nodePort", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        var allocation = context.Snapshot.NodePorts;
        foreach (var service in context.Snapshot.Services)
        {
            foreach (var port in service.Ports)
            {
                if (allocation.ConflictOf(port) is { } owner)
                {
                    Report(context, service, new NodePortClaim(service, port, owner.Number, port.NodePort!.Value.Node), owner);
                }
            }

            if (allocation.HealthCheckConflictOf(service) is { } holder)
            {
                Report(context, service, new NodePortClaim(service, null, holder.Number, service.HealthCheckNodePort!.Value.Node), holder);
            }
        }
    }

    private static void Report(RuleContext context, ServiceObject service, NodePortClaim claim, NodePortClaim owner)
    {
        var holder = owner.Service != service
            ? $"{(owner.Port is null ? "the healthCheckNodePort of " : string.Empty)}Service {owner.Service.Name} in namespace {owner.Service.Namespace}"
            : owner.Port is not null && claim.Port is not null
                ? $"port {owner.Port.Port?.Value} of the same Service (one Service may share a node port only between TCP and UDP of the same port)"
                : $"the {owner.Field} of the same Service";
        var shared = claim.Port is null || owner.Port is null ? " (a healthCheckNodePort comes from the same node port range as nodePorts)" : string.Empty;
        context.Report(claim.Node.Span,
            $"{claim.Field} {owner.Number} is already taken by {holder}; node ports are allocated per number across the whole cluster{shared}, so creating {service} fails (provided port is already allocated). Pick another number in {context.Snapshot.Options.NodePortRange}, or omit {claim.Field}",
            related: [new(owner.Node.Span, $"{owner.Field} {owner.Number} of Service {owner.Service.Name}")]);
    }
}
