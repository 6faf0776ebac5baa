using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Gateway API routing with the input applied: each route's parentRefs resolved to Gateways, the listeners they
/// select, those that admit the route (allowedRoutes namespaces and kinds) and those it attaches to (hostnames
/// intersect); each backendRef resolved to its Service, the ReferenceGrant that permits it across namespaces and the
/// service port, through the Service resolution of the snapshot. Indexed by namespace and name.
/// </summary>
public sealed class GatewayRouting
{
    private readonly ClusterSnapshot _snapshot;
    private readonly Dictionary<(string Namespace, string Name), List<GatewayObject>> _gateways = [];
    private readonly Dictionary<string, List<GatewayObject>> _gatewaysByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ReferenceGrantObject>> _grants = new(StringComparer.Ordinal);
    private readonly Memo<RouteObject, RouteResolution> _resolutions;
    private readonly Memo<KubeObject, IReadOnlyList<GatewayRejection>> _rejections;
    private readonly Memo<GatewayObject, IReadOnlyList<GatewayListener>> _listeners;

    public GatewayRouting(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _resolutions = new(ComputeResolution);
        _rejections = new(ComputeRejections);
        _listeners = new(ComputeListeners);
        var routes = new List<RouteObject>();
        var gateways = new List<GatewayObject>();
        foreach (var obj in snapshot.Objects)
        {
            switch (obj)
            {
                case GatewayObject gateway:
                    gateways.Add(gateway);
                    (_gateways.TryGetValue((gateway.Namespace, gateway.Name), out var same) ? same : _gateways[(gateway.Namespace, gateway.Name)] = []).Add(gateway);
                    (_gatewaysByNamespace.TryGetValue(gateway.Namespace, out var inNs) ? inNs : _gatewaysByNamespace[gateway.Namespace] = []).Add(gateway);
                    break;
                case ReferenceGrantObject grant:
                    (_grants.TryGetValue(grant.Namespace, out var grants) ? grants : _grants[grant.Namespace] = []).Add(grant);
                    break;
                case RouteObject route:
                    routes.Add(route);
                    break;
            }
        }

        Routes = routes;
        Gateways = gateways;
    }

    /// <summary>Gateways of the input, in input order.</summary>
    public IReadOnlyList<GatewayObject> Gateways { get; }

    /// <summary>HTTPRoutes, GRPCRoutes, TLSRoutes, TCPRoutes and UDPRoutes of the input, in input order.</summary>
    public IReadOnlyList<RouteObject> Routes { get; }

    /// <summary>The Gateway with this name; of copies in several folders, the one closest to <paramref name="nearFolder"/>.</summary>
    public GatewayObject? FindGateway(string ns, string name, string nearFolder = "") =>
        _gateways.TryGetValue((ns, name), out var all) ? ApplyUnits.Closest(all, g => g.ApplyUnit, nearFolder)[0] : null;

    public IReadOnlyList<GatewayObject> GatewaysIn(string ns) => _gatewaysByNamespace.TryGetValue(ns, out var list) ? list : Array.Empty<GatewayObject>();

    public IReadOnlyList<ReferenceGrantObject> GrantsIn(string ns) => _grants.TryGetValue(ns, out var list) ? list : Array.Empty<ReferenceGrantObject>();

    public RouteResolution Resolve(RouteObject route) => _resolutions[route];

    private RouteResolution ComputeResolution(RouteObject route)
    {
        // Ground rule 4: a parentRef or hostname KL820 reports is left out.
        var rejected = Rejections(route);
        var hostnames = route.Hostnames.Where(h => !rejected.Any(r => r.Hostname == h)).ToList();
        var parents = route.ParentRefs.Where(p => !rejected.Any(r => r.Parent == p)).Select(p => ResolveParent(route, p, hostnames)).ToList();
        return new RouteResolution(route, parents, route.BackendRefs.Select(b => ResolveBackend(route, b)).ToList(), hostnames);
    }

    /// <summary>What the Gateway API CRD validation rejects in a Gateway or route (see <see cref="GatewayValidation"/>).</summary>
    public IReadOnlyList<GatewayRejection> Rejections(KubeObject obj) => _rejections[obj];

    private static IReadOnlyList<GatewayRejection> ComputeRejections(KubeObject obj) => obj switch
    {
        GatewayObject gateway => GatewayValidation.Check(gateway),
        RouteObject route => GatewayValidation.Check(route),
        _ => [],
    };

    /// <summary>
    /// The Gateway's listeners as the simulation sees them: without a listener that repeats an earlier one's name or
    /// port, protocol and hostname, and without one whose hostname the CRD validation rejects (KL820).
    /// </summary>
    public IReadOnlyList<GatewayListener> Listeners(GatewayObject gateway) => _listeners[gateway];

    private IReadOnlyList<GatewayListener> ComputeListeners(GatewayObject gateway)
    {
        var dropped = Rejections(gateway)
            .Where(r => r.Defect is GatewayDefect.DuplicateListenerName or GatewayDefect.DuplicateListenerCombination or GatewayDefect.InvalidHostname)
            .Select(r => r.Listener)
            .ToList();
        return gateway.Listeners.Where(l => !dropped.Contains(l)).ToList();
    }

    /// <summary>The hostname the listener matches: none on TCP and UDP listeners, where the CRD forbids it (KL820).</summary>
    public static ScalarNode? ListenerHostname(GatewayListener listener) =>
        GatewayValidation.HostnameForbidden(listener) ? null : listener.HostnameNode;

    /// <summary>Whether the listener admits routes of this kind from this namespace (allowedRoutes, or the protocol).</summary>
    public Verdict Admits(GatewayObject gateway, GatewayListener listener, RouteObject route)
    {
        var ns = listener.From switch
        {
            "Same" => route.Namespace == gateway.Namespace ? Verdict.Yes : Verdict.No,
            "All" => Verdict.Yes,
            "Selector" when listener.NamespaceSelector is { } selector => _snapshot.NamespaceLabels.Matches(selector, route.Namespace),
            _ => Verdict.Unknown,
        };
        if (ns == Verdict.No)
        {
            return Verdict.No;
        }

        return !KindAdmitted(listener, route) ? Verdict.No : ns;
    }

    /// <summary>allowedRoutes.kinds when set; else the kinds the protocol carries (any kind for other protocols).</summary>
    public static bool KindAdmitted(GatewayListener listener, RouteObject route)
    {
        if (listener.Kinds is { Count: > 0 } kinds)
        {
            return kinds.Any(k => k.Group == route.Group && k.Kind == route.Kind);
        }

        return listener.Protocol switch
        {
            "HTTP" or "HTTPS" => route.Kind is "HTTPRoute" or "GRPCRoute",
            "TLS" => route.Kind == "TLSRoute",
            "TCP" => route.Kind == "TCPRoute",
            "UDP" => route.Kind == "UDPRoute",
            _ => true,
        };
    }

    /// <summary>Gateway API hostname intersection: a wildcard <c>*.</c> stands for one or more labels.</summary>
    public static bool HostnamesIntersect(string a, string b)
    {
        var wildA = a.StartsWith("*.", StringComparison.Ordinal);
        var wildB = b.StartsWith("*.", StringComparison.Ordinal);
        if (!wildA && !wildB)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        var suffixA = wildA ? a.Substring(1) : null;
        var suffixB = wildB ? b.Substring(1) : null;
        if (wildA && wildB)
        {
            return suffixA!.EndsWith(suffixB!, StringComparison.OrdinalIgnoreCase) || suffixB!.EndsWith(suffixA!, StringComparison.OrdinalIgnoreCase);
        }

        return wildA
            ? b.Length > suffixA!.Length && b.EndsWith(suffixA, StringComparison.OrdinalIgnoreCase)
            : a.Length > suffixB!.Length && a.EndsWith(suffixB, StringComparison.OrdinalIgnoreCase);
    }

    private ParentResolution ResolveParent(RouteObject route, ParentRef parent, IReadOnlyList<ScalarNode> hostnames)
    {
        var name = parent.NameNode?.Value ?? string.Empty;
        if (parent.IsService)
        {
            return new ParentResolution(parent, null, _snapshot.FindService(parent.Namespace, name, route.ApplyUnit), [], [], [], []);
        }

        if (!parent.IsGateway || FindGateway(parent.Namespace, name, route.ApplyUnit) is not { } gateway)
        {
            return new ParentResolution(parent, null, null, [], [], [], []);
        }

        var matching = gateway.Listeners
            .Where(l => (parent.SectionNameNode is not { } section || l.Name == section.Value) && (parent.Port is not { } port || l.Port?.Value == port.Value))
            .ToList();
        var listeners = Listeners(gateway);
        var selected = matching.Where(listeners.Contains).ToList();
        var rejected = matching.Where(l => !listeners.Contains(l)).ToList();
        var admitting = new List<GatewayListener>();
        var undecided = new List<GatewayListener>();
        foreach (var listener in selected)
        {
            switch (Admits(gateway, listener, route))
            {
                case Verdict.Yes:
                    admitting.Add(listener);
                    break;
                case Verdict.Unknown:
                    undecided.Add(listener);
                    break;
            }
        }

        var attached = admitting
            .Where(l => ListenerHostname(l) is not { Value.Length: > 0 } host || !route.HasHostnames || hostnames.Count == 0 ||
                hostnames.Any(h => HostnamesIntersect(host.Value, h.Value)))
            .ToList();
        return new ParentResolution(parent, gateway, null, selected, admitting, undecided, attached) { Rejected = rejected };
    }

    private BackendResolution ResolveBackend(RouteObject route, BackendRef backend)
    {
        var crosses = backend.Namespace != route.Namespace;
        var grant = crosses ? PermittingGrant(route, backend) : null;
        ServiceObject? service = null;
        PortResolution? port = null;
        if (backend.IsService && backend.NameNode is { Value.Length: > 0 } name)
        {
            service = _snapshot.FindService(backend.Namespace, name.Value, route.ApplyUnit);
            if (service is not null && backend.Port is { } number)
            {
                port = _snapshot.Resolve(service).PortNumbered(number.Value);
            }
        }

        return new BackendResolution(backend, crosses, grant, service, port);
    }

    /// <summary>The first ReferenceGrant of the backend's namespace that lets the route refer to it (a method of its own: its closure would be made for every backend).</summary>
    private ReferenceGrantObject? PermittingGrant(RouteObject route, BackendRef backend) => GrantsIn(backend.Namespace).FirstOrDefault(g => Permits(g, route, backend));

    /// <summary>One <c>from</c> entry names the route's group, kind and namespace, and one <c>to</c> entry the backend.</summary>
    /// <remarks>Loops rather than LINQ, which over tuples is compiled at run time.</remarks>
    public static bool Permits(ReferenceGrantObject grant, RouteObject route, BackendRef backend)
    {
        var from = false;
        for (var i = 0; i < grant.From.Count && !from; i++)
        {
            from = grant.From[i].Group == route.Group && grant.From[i].Kind == route.Kind && grant.From[i].Namespace == route.Namespace;
        }

        for (var i = 0; i < grant.To.Count && from; i++)
        {
            if (grant.To[i].Group == backend.Group && grant.To[i].Kind == backend.Kind && (grant.To[i].Name is null || grant.To[i].Name == backend.NameNode?.Value))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed class RouteResolution(RouteObject route, IReadOnlyList<ParentResolution> parents, IReadOnlyList<BackendResolution> backends, IReadOnlyList<ScalarNode> hostnames)
{
    public RouteObject Route { get; } = route;

    public IReadOnlyList<ParentResolution> Parents { get; } = parents;

    public IReadOnlyList<BackendResolution> Backends { get; } = backends;

    /// <summary>The route's <c>hostnames</c> without those the CRD validation rejects (KL820).</summary>
    public IReadOnlyList<ScalarNode> Hostnames { get; } = hostnames;
}

/// <summary>
/// One parentRef (duplicates KL820 reports are left out): the Gateway (or Service parent) it names, when the input
/// has it; the listeners matching its sectionName and port (those KL820 leaves out apart); of those, the ones that admit the route, the ones whose admission the input cannot decide,
/// and the admitting ones the route attaches to (hostnames intersect).
/// </summary>
public sealed record ParentResolution(
    ParentRef Ref,
    GatewayObject? Gateway,
    ServiceObject? Service,
    IReadOnlyList<GatewayListener> Selected,
    IReadOnlyList<GatewayListener> Admitting,
    IReadOnlyList<GatewayListener> Undecided,
    IReadOnlyList<GatewayListener> Attached)
{
    /// <summary>Listeners the parentRef names that the simulation leaves out (KL820 reports them): the reference is not judged.</summary>
    public IReadOnlyList<GatewayListener> Rejected { get; init; } = [];
}

/// <summary>One backendRef: whether it crosses namespaces and the grant that permits it; its Service and service port.</summary>
public sealed record BackendResolution(BackendRef Ref, bool CrossesNamespace, ReferenceGrantObject? Grant, ServiceObject? Service, PortResolution? Port)
{
    public bool Permitted => !CrossesNamespace || Grant is not null;
}
