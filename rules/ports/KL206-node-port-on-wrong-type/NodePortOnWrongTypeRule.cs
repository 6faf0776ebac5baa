using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class NodePortOnWrongTypeRule() : Rule(new RuleDescriptor("KL206", "node-port-on-wrong-type", "nodePort on a Service that has no node ports", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        // A type the API server rejects (KL801) may have been meant as NodePort: whether node ports belong is unknown.
        foreach (var service in context.Snapshot.Services.Where(s => s.TypeKnown && !s.AllowsNodePorts))
        {
            foreach (var port in service.Ports)
            {
                if (port.NodePort is { Value: not 0 } nodePort)
                {
                    var type = service.TypeNode is null ? "type ClusterIP (the default)" : $"type {service.Type}";
                    var effect = service.IsExternalName ? "the field is ignored and no port is opened" : "the API server rejects `nodePort` here";
                    context.Report(nodePort.Node.Span,
                        $"{service} has {type}, which opens no node ports; {effect}. Set `type: NodePort` (or LoadBalancer), or remove nodePort");
                }
            }
        }
    }
}
