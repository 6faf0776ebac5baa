using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// A way traffic enters a Service from outside the cluster: an Ingress path or default backend, or a route rule's
/// backendRef, with the service port it names (null when the backend names no port of the Service).
/// </summary>
public sealed record TrafficEntry(SourceSpan At, string Description, ServicePort? Port);

/// <summary>
/// The Ingress paths and route rules that send traffic to each Service, so that a finding on a Service that cannot
/// serve (it selects no pod, it routes nowhere) names the requests that will fail. Built once from both routings.
/// </summary>
public sealed class TrafficEntries
{
    private readonly Dictionary<ServiceObject, List<TrafficEntry>> _byService = [];

    internal TrafficEntries(ClusterSnapshot snapshot)
    {
        foreach (var route in snapshot.Ingress.Ingresses.SelectMany(i => i.Routes).Where(r => r is { Service: not null, Backend: not null }))
        {
            var request = route.Path is null ? "every request without a matching rule" : $"{route.Host ?? "any host"}{route.PathValue ?? "/"}";
            Add(route.Service!, new TrafficEntry(route.Path?.Anchor ?? route.Backend!.Span, $"{request} ({route.Ingress})", route.ServicePort));
        }

        foreach (var resolution in snapshot.GatewayRouting.Routes.Select(snapshot.GatewayRouting.Resolve))
        {
            foreach (var backend in resolution.Backends.Where(b => b is { Service: not null, Permitted: true }))
            {
                Add(backend.Service!, new TrafficEntry(backend.Ref.ItemSpan, $"rule {backend.Ref.Rule + 1} of {resolution.Route}", backend.Port?.Port));
            }
        }
    }

    /// <summary>The entries that reach the Service, in input order.</summary>
    public IReadOnlyList<TrafficEntry> To(ServiceObject service) => _byService.TryGetValue(service, out var list) ? list : Array.Empty<TrafficEntry>();

    /// <summary>The entries that reach this port of the Service, in input order.</summary>
    public IReadOnlyList<TrafficEntry> To(ServiceObject service, ServicePort port) => To(service).Where(e => e.Port == port).ToList();

    private void Add(ServiceObject service, TrafficEntry entry) =>
        (_byService.TryGetValue(service, out var list) ? list : _byService[service] = []).Add(entry);
}
