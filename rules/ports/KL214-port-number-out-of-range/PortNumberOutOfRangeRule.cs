using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class PortNumberOutOfRangeRule() : Rule(new RuleDescriptor("KL214", "port-number-out-of-range", "Port number outside 1-65535", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            foreach (var port in service.Ports)
            {
                Check(context, "port", port.Port, zeroAllowed: false);
                Check(context, "nodePort", port.NodePort, zeroAllowed: true);
                if (port.TargetPort is { Number: { } target } targetPort)
                {
                    Check(context, "targetPort", new IntField(target, targetPort.Node), zeroAllowed: true);
                }
            }
        }

        foreach (var template in context.Snapshot.PodTemplates)
        {
            foreach (var port in template.Spec.AllContainers.SelectMany(c => c.Ports))
            {
                Check(context, "containerPort", port.Number, zeroAllowed: false);
                Check(context, "hostPort", port.HostPort, zeroAllowed: true);
            }
        }
    }

    private static void Check(RuleContext context, string field, IntField? value, bool zeroAllowed)
    {
        if (value is not { } number || PortFacts.IsValidNumber(number.Value) || (zeroAllowed && number.Value == 0))
        {
            return;
        }

        context.Report(number.Node.Span, $"{field} {number.Value} is not a valid port: it must be between 1 and 65535, inclusive; the API server rejects it");
    }
}
