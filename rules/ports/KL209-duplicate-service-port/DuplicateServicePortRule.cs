using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class DuplicateServicePortRule() : Rule(new RuleDescriptor("KL209", "duplicate-service-port", "Duplicate port in one Service", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        // Most Services have one port, which has nothing to clash with.
        foreach (var service in context.Snapshot.Services.Where(s => s.Ports.Count > 1))
        {
            var ports = new Dictionary<(int, string), ServicePort>();
            var names = new Dictionary<string, ServicePort>(StringComparer.Ordinal);
            var nodePorts = new Dictionary<(int, string), ServicePort>();
            foreach (var port in service.Ports)
            {
                if (port.Port is { } number && Earlier(ports, (number.Value, port.Protocol), port) is { } samePort)
                {
                    Report(context, service, number.Node.Span, $"port {number.Value}/{port.Protocol}", samePort);
                }

                if (port.NameNode is { Value.Length: > 0 } name && Earlier(names, name.Value, port) is { } sameName)
                {
                    Report(context, service, name.Span, $"port name `{name.Value}`", sameName);
                }

                if (port.NodePort is { Value: not 0 } nodePort && Earlier(nodePorts, (nodePort.Value, port.Protocol), port) is { } sameNodePort)
                {
                    Report(context, service, nodePort.Node.Span, $"nodePort {nodePort.Value}/{port.Protocol}", sameNodePort);
                }
            }
        }
    }

    /// <summary>The port that already has this key, or null after recording <paramref name="port"/> as its first.</summary>
    private static ServicePort? Earlier<TKey>(Dictionary<TKey, ServicePort> seen, TKey key, ServicePort port)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var first))
        {
            return first;
        }

        seen[key] = port;
        return null;
    }

    private static void Report(RuleContext context, ServiceObject service, SourceSpan at, string what, ServicePort first) =>
        context.Report(at,
            $"{service} lists {what} twice (first in port item {first.Index + 1}); the API server rejects duplicate ports. Remove the copy or change it",
            related: [new(first.Span, $"first {what}")]);
}
