using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class InvalidProtocolRule() : Rule(new RuleDescriptor("KL210", "invalid-protocol", "Protocol is not TCP, UDP or SCTP", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            foreach (var port in service.Ports)
            {
                if (IsInvalid(port.ProtocolNode))
                {
                    Report(context, port.ProtocolNode!, $"service port {port.Port?.Value} of {service}");
                }
            }
        }

        foreach (var template in context.Snapshot.PodTemplates)
        {
            foreach (var container in template.Spec.AllContainers)
            {
                foreach (var port in container.Ports)
                {
                    if (IsInvalid(port.ProtocolNode))
                    {
                        Report(context, port.ProtocolNode!, $"container port {port.Number?.Value} of container {container.Name} in {template.Owner}");
                    }
                }
            }
        }
    }

    private static bool IsInvalid(ScalarNode? protocol) => protocol is not null && !PortFacts.IsValidProtocol(protocol.Value);

    private static void Report(RuleContext context, ScalarNode protocol, string where)
    {
        var upper = protocol.Value.ToUpperInvariant();
        var fix = PortFacts.IsValidProtocol(upper)
            ? $"protocols are case-sensitive: write `{upper}`"
            : upper == "ICMP"
                ? "a Service or container port carries TCP, UDP or SCTP only; ICMP (ping) is never forwarded to pods: check reachability with a TCP probe instead"
                : "use TCP, UDP or SCTP (an application protocol such as HTTP goes in `appProtocol` on service ports)";
        context.Report(protocol.Span, $"protocol `{protocol.Value}` on {where} is not supported: the API server accepts only TCP, UDP and SCTP; {fix}");
    }
}
