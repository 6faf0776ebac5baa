using Linter.Core.Model;
using Linter.Core.Rules;

namespace Acme.Rules;

/// <summary>Every container a Service sends traffic to has a readiness probe, on a port the Service targets.</summary>
public sealed class ReadinessBehindServiceRule() : Rule(new RuleDescriptor(
    "ACME001", "readiness-behind-service", "A container behind a Service has no readiness probe on a port the Service targets", Severity.Warning, "custom"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            // The containers this Service's ports resolve to, with the port numbers they receive.
            var targets = context.Snapshot.Resolve(service).Ports
                .SelectMany(port => port.Backends)
                .Where(backend => backend.Container is not null && backend.TargetNumber is not null)
                .GroupBy(backend => backend.Container!);
            foreach (var target in targets)
            {
                var container = target.Key;
                var ports = target.Select(backend => backend.TargetNumber!.Value).ToHashSet();
                var readiness = container.Handlers.Where(h => h.Kind == HandlerKind.ReadinessProbe).ToList();
                var at = container.NameNode?.Span ?? container.Span;
                if (readiness.Count == 0)
                {
                    context.Report(at, $"container {container.Name} receives traffic from Service {service.Name} (port {string.Join(", ", ports.Order())}) but has no readiness probe: it gets requests before it is ready");
                }
                else if (readiness.All(probe => probe.Port is { } port && !ports.Contains(NumberOf(port, container) ?? -1)))
                {
                    context.Report(at, $"the readiness probe of container {container.Name} checks port {readiness[0].Port}, which Service {service.Name} does not target ({string.Join(", ", ports.Order())})");
                }
            }
        }
    }

    /// <summary>The number a probe's port stands for: a number, or the container port with that name.</summary>
    private static int? NumberOf(PortRef port, Container container) =>
        port.Number ?? container.Ports.FirstOrDefault(p => p.Name == port.Name)?.Number?.Value;
}
