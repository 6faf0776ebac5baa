using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Netpol;

public sealed class PolicyPortNotListenedRule() : Rule(new RuleDescriptor(
    "KL703", "policy-port-not-listened", "NetworkPolicy port that the destination pods do not listen on", Severity.Warning, "netpol"))
{
    public override void Check(RuleContext context)
    {
        foreach (var defect in context.Snapshot.PolicyDefects.Ports)
        {
            var port = defect.Port;
            var destinations = Describe.List(defect.Destinations.Select(p => p.Owner.ToString()).Distinct(StringComparer.Ordinal));
            var declared = Describe.List(defect.Destinations.Select(p => $"{p.Owner} declares {Describe.DeclaredPorts(p)}"));
            var what = defect.Rule.Direction == PolicyDirection.Ingress ? "the pods the policy selects" : "the destination pods";
            string message;
            if (defect.Service is { } service)
            {
                message = $"{defect.Rule} allows port {port}, which is the `port` of {service}, but no container of {what} ({destinations}) declares {port.Port}: " +
                          $"the Service forwards to {defect.Target}. NetworkPolicy sees the pod port: allow {defect.Target}, not {port.Port}";
            }
            else
            {
                var other = defect.OtherProtocol is { } protocol ? $" with protocol {port.Protocol} (it is declared with {protocol}; `protocol` defaults to TCP)" : string.Empty;
                message = $"{defect.Rule} allows the named port `{port.Port}`, but no container of {what} ({destinations}) declares a port of that name{other}, " +
                          $"so the entry matches no traffic; {declared}";
            }

            context.Report(port.Port!.Value.Node.Span, message, related: defect.Destinations.Select(p => new RelatedLocation(p.Owner.NameSpan, $"destination: {p.Owner}")));
        }
    }
}
