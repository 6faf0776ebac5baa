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
    // The first way in to each Service; the others follow it, in input order (most Services have one or two: no list each).
    private readonly Dictionary<ServiceObject, Way> _byService;

    internal TrafficEntries(ClusterSnapshot snapshot)
    {
        // Sized for every Service when routes exist: a table grown step by step copies its entries at each step.
        _byService = snapshot.Ingress.Ingresses.Count > 0 || snapshot.GatewayRouting.Routes.Count > 0 ? new(snapshot.Services.Count) : [];
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
    public IReadOnlyList<TrafficEntry> To(ServiceObject service)
    {
        var entries = new List<TrafficEntry>();
        for (var way = _byService.TryGetValue(service, out var first) ? first : null; way is not null; way = way.Next)
        {
            entries.Add(way.Entry());
        }

        return entries;
    }

    /// <summary>The entries that reach this port of the Service, in input order.</summary>
    public IReadOnlyList<TrafficEntry> To(ServiceObject service, ServicePort port) => To(service).Where(e => e.Port == port).ToList();

    private void Add(ServiceObject service, Way way)
    {
        if (_byService.TryGetValue(service, out var first))
        {
            first.Last.Next = way;
            first.Last = way;
        }
        else
        {
            _byService[service] = way;
        }
    }

    /// <summary>An Ingress path or default backend (<paramref name="ingress"/>), or a route rule's backendRef.</summary>
    private sealed class Way(IngressRoute? ingress, RouteResolution? route, BackendResolution? backend)
    {
        private IngressRoute? Ingress { get; } = ingress;

        private RouteResolution? Route { get; } = route;

        private BackendResolution? Backend { get; } = backend;

        /// <summary>The next way in to the same Service.</summary>
        public Way? Next { get; set; }

        /// <summary>On the first way in to a Service: the last one so far, where the next is appended.</summary>
        public Way Last { get => field ?? this; set; }

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
