using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class DuplicateServicePortRule() : Rule(new RuleDescriptor("KL209", "duplicate-service-port", "Duplicate port in one Service", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            var ports = service.Ports;
            for (var i = 1; i < ports.Count; i++)
            {
                var port = ports[i];
                if (port.Port is { } number && Earlier(ports, i, SamePort) is { } samePort)
                {
                    Report(context, service, number.Node.Span, $"port {number.Value}/{port.Protocol}", samePort);
                }

                if (port.Name is { Length: > 0 } && Earlier(ports, i, SameName) is { } sameName)
                {
                    Report(context, service, port.NameNode!.Span, $"port name `{port.Name}`", sameName);
                }

                if (port.NodePort is { Value: not 0 } nodePort && Earlier(ports, i, SameNodePort) is { } sameNodePort)
                {
                    Report(context, service, nodePort.Node.Span, $"nodePort {nodePort.Value}/{port.Protocol}", sameNodePort);
                }
            }
        }
    }

    private static bool SamePort(ServicePort a, ServicePort b) => a.Port?.Value == b.Port?.Value && a.Protocol == b.Protocol;

    private static bool SameName(ServicePort a, ServicePort b) => a.Name == b.Name;

    private static bool SameNodePort(ServicePort a, ServicePort b) => a.NodePort?.Value == b.NodePort?.Value && a.Protocol == b.Protocol;

    /// <summary>The first port before the one at <paramref name="index"/> that is the same in one respect (a Service has a few ports: no table needed).</summary>
    private static ServicePort? Earlier(IReadOnlyList<ServicePort> ports, int index, Func<ServicePort, ServicePort, bool> same)
    {
        for (var i = 0; i < index; i++)
        {
            if (same(ports[i], ports[index]))
            {
                return ports[i];
            }
        }

        return null;
    }

    private static void Report(RuleContext context, ServiceObject service, SourceSpan at, string what, ServicePort first) =>
        context.Report(at,
            $"{service} lists {what} twice (first in port item {first.Index + 1}); the API server rejects duplicate ports. Remove the copy or change it",
            related: [new(first.Span, $"first {what}")]);
}
