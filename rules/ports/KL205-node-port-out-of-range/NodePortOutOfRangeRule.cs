using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class NodePortOutOfRangeRule() : Rule(new RuleDescriptor("KL205", "node-port-out-of-range", "nodePort outside the node port range", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        var range = context.Snapshot.Options.NodePortRange;
        foreach (var service in context.Snapshot.Services.Where(s => s.AllowsNodePorts))
        {
            foreach (var port in service.Ports)
            {
                if (port.NodePort is { Value: var n and not 0 } nodePort && PortFacts.IsValidNumber(n) && !range.Contains(n))
                {
                    context.Report(nodePort.Node.Span,
                        $"nodePort {n} is outside the node port range {range}: the API server refuses to allocate it (provided port is not in the valid range). Pick a number in {range}, or omit nodePort to get one allocated");
                }
            }
        }
    }
}
