using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class PortProtocolMismatchRule() : Rule(new RuleDescriptor("KL204", "port-protocol-mismatch", "Service port protocol differs from the container port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in PortFacts.ResolvedPorts(context.Snapshot))
        {
            var port = resolution.Port;
            if (port.TargetPort is { Name: not null })
            {
                continue;
            }

            var mismatch = resolution.Backends.FirstOrDefault(b => b.Declared is null && b.OtherProtocol is not null);
            if (mismatch is null)
            {
                continue;
            }

            var declared = mismatch.OtherProtocol!;
            var anchor = port.ProtocolNode?.Span ?? port.Span;
            var written = port.ProtocolNode is null ? "defaults to TCP" : $"is {port.Protocol}";
            context.Report(anchor,
                $"service port {port.Port!.Value.Value} {written}, but container port {mismatch.TargetNumber} of {mismatch.Pod.Owner} is {declared.Protocol}; {port.Protocol} traffic will not reach a {declared.Protocol} listener. Set `protocol: {declared.Protocol}`",
                related: [new(declared.Span, $"container port {Describe.Port(declared)}")]);
        }
    }
}
