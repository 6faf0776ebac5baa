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
/// serve (it selects no pod, it routes nowhere) names the requests that will fail. Indexed once from both routings;
/// the entries, with their descriptions, are written only for the few Services a finding names.
/// </summary>
public sealed class TrafficEntries
{
    private readonly Dictionary<ServiceObject, List<Way>> _byService = [];

    internal TrafficEntries(ClusterSnapshot snapshot)
    {
        foreach (var ingress in snapshot.Ingress.Ingresses)
        {
            foreach (var route in ingress.Routes)
            {
                if (route is { Service: { } service, Backend: not null })
                {
                    Add(service, new Way(route, null, null));
                }
            }
        }

        foreach (var route in snapshot.GatewayRouting.Routes)
        {
            var resolution = snapshot.GatewayRouting.Resolve(route);
            foreach (var backend in resolution.Backends)
            {
                if (backend is { Service: { } service, Permitted: true })
                {
                    Add(service, new Way(null, resolution, backend));
                }
            }
        }
    }

    /// <summary>The entries that reach the Service, in input order.</summary>
    public IReadOnlyList<TrafficEntry> To(ServiceObject service) =>
        _byService.TryGetValue(service, out var ways) ? ways.ConvertAll(way => way.Entry()) : Array.Empty<TrafficEntry>();

    /// <summary>The entries that reach this port of the Service, in input order.</summary>
    public IReadOnlyList<TrafficEntry> To(ServiceObject service, ServicePort port) => To(service).Where(e => e.Port == port).ToList();

    private void Add(ServiceObject service, Way way) =>
        (_byService.TryGetValue(service, out var list) ? list : _byService[service] = []).Add(way);

    /// <summary>An Ingress path or default backend (<paramref name="Ingress"/>), or a route rule's backendRef.</summary>
    private sealed record Way(IngressRoute? Ingress, RouteResolution? Route, BackendResolution? Backend)
    {
        public TrafficEntry Entry()
        {
            if (Ingress is { } route)
            {
                var request = route.Path is null ? "every request without a matching rule" : $"{route.Host ?? "any host"}{route.PathValue ?? "/"}";
                return new TrafficEntry(route.Path?.Anchor ?? route.Backend!.Span, $"{request} ({route.Ingress})", route.ServicePort);
            }

            return new TrafficEntry(Backend!.Ref.ItemSpan, $"rule {Backend.Ref.Rule + 1} of {Route!.Route}", Backend.Port?.Port);
        }
    }
}
