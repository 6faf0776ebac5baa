using System.Globalization;
using System.Text.Json;
using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Output;

/// <summary>
/// How traffic enters the cluster, as the simulation sees it: per namespace, each Ingress (with its class) and each
/// Gateway API route (with the Gateways and listeners it attaches to), and per entry (an Ingress path or default
/// backend, a route rule's backendRef) the backend Service and port, the service port, and the pods and container
/// ports it reaches, or why it reaches none. Pods and ports are written as <see cref="ServiceTable"/> writes them.
/// </summary>
internal sealed class EntryTable
{
    public const string Heading = "Ingresses and routes";

    private readonly ClusterSnapshot _snapshot;
    private readonly ILookup<string, IngressResolution> _ingresses;
    private readonly ILookup<string, RouteResolution> _routes;

    public EntryTable(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _ingresses = snapshot.Ingress.Ingresses.OrderBy(i => i.Ingress.Name, StringComparer.Ordinal).ToLookup(i => i.Ingress.Namespace, StringComparer.Ordinal);
        _routes = snapshot.GatewayRouting.Routes
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(snapshot.GatewayRouting.Resolve).ToLookup(r => r.Route.Namespace, StringComparer.Ordinal);
        Namespaces = _ingresses.Select(g => g.Key).Concat(_routes.Select(g => g.Key))
            .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>The namespaces with an Ingress or a route, sorted.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Nothing when the input has no Ingress and no route; else a heading, then each namespace.</summary>
    public void WriteText(TextWriter output)
    {
        if (Namespaces.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(Heading);
        foreach (var ns in Namespaces)
        {
            output.WriteLine();
            output.WriteLine($"namespace {ns}");
            WriteIngresses(output, _ingresses[ns].ToList());
            WriteRoutes(output, _routes[ns].ToList());
        }
    }

    /// <summary>The "ingresses" and "routes" arrays of one namespace object of the resolve JSON document.</summary>
    public void WriteJson(Utf8JsonWriter json, string ns)
    {
        json.WriteStartArray("ingresses");
        foreach (var ingress in _ingresses[ns])
        {
            WriteIngress(json, _snapshot, ingress);
        }

        json.WriteEndArray();
        json.WriteStartArray("routes");
        foreach (var route in _routes[ns])
        {
            WriteRoute(json, _snapshot, route);
        }

        json.WriteEndArray();
    }

    private void WriteIngresses(TextWriter output, IReadOnlyList<IngressResolution> ingresses)
    {
        foreach (var ingress in ingresses)
        {
            var title = $"{ingress.Ingress}{Copy(ingress.Ingress, ingresses.Select(i => i.Ingress))} ({ClassText(_snapshot, ingress.Class)})";
            TextWrap.WriteLine(output, "  ", title, "      ");
            WriteEntries(output, ingress.Routes.Select(r => IngressEntry(_snapshot, r)));
        }
    }

    private void WriteRoutes(TextWriter output, IReadOnlyList<RouteResolution> routes)
    {
        foreach (var route in routes)
        {
            TextWrap.WriteLine(output, "  ", RouteHeading(route.Route, routes.Select(r => r.Route)), "      ");
            foreach (var parent in route.Parents)
            {
                TextWrap.WriteLine(output, "    ", "via " + ParentText(_snapshot, route.Route, parent), "        ");
            }

            WriteEntries(output, RouteEntries(_snapshot, route));
        }
    }

    private static void WriteIngress(Utf8JsonWriter json, ClusterSnapshot snapshot, IngressResolution ingress)
    {
        json.WriteStartObject();
        json.WriteString("name", ingress.Ingress.Name);
        json.WriteString("file", ingress.Ingress.Document.File.Path);
        json.WriteString("class", ingress.Class.Name);
        json.WriteString("classSource", ingress.Class.Source.ToString());
        json.WriteStartArray("entries");
        foreach (var route in ingress.Routes)
        {
            json.WriteStartObject();
            json.WriteBoolean("defaultBackend", route.Path is null);
            json.WriteString("host", route.Host);
            json.WriteString("path", route.PathValue);
            json.WriteString("pathType", route.PathType);
            WriteEntry(json, IngressEntry(snapshot, route));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEntries(TextWriter output, IEnumerable<Entry> entries)
    {
        foreach (var entry in entries)
        {
            TextWrap.WriteLine(output, "    ", $"{entry.Request} -> {entry.Backend}", "        ");
            foreach (var line in Reaches(entry))
            {
                TextWrap.WriteLine(output, "      ", line, "          ");
            }
        }
    }

    private static IEnumerable<string> Reaches(Entry entry) =>
        entry.WhyNone is { } why ? [why] : entry.Port is { } port ? ServiceTable.Lines(port) : [];

    private static void WriteEntry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteString("backend", entry.Backend);
        json.WriteString("service", entry.Service?.Name);
        json.WriteString("serviceNamespace", entry.Service?.Namespace);
        json.WritePropertyName("servicePort");
        if (entry.Port is { } port)
        {
            ServiceTable.WritePort(json, port);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteString("reason", entry.WhyNone);
    }

    private static void WriteRoute(Utf8JsonWriter json, ClusterSnapshot snapshot, RouteResolution resolution)
    {
        var route = resolution.Route;
        json.WriteStartObject();
        json.WriteString("kind", route.Kind);
        json.WriteString("name", route.Name);
        json.WriteString("file", route.Document.File.Path);
        json.WriteStartArray("hostnames");
        foreach (var host in route.Hostnames)
        {
            json.WriteStringValue(host.Value);
        }

        json.WriteEndArray();
        json.WriteStartArray("parents");
        foreach (var parent in resolution.Parents)
        {
            json.WriteStartObject();
            json.WriteString("kind", parent.Ref.Kind);
            json.WriteString("namespace", parent.Ref.Namespace);
            json.WriteString("name", parent.Ref.NameNode?.Value);
            json.WriteBoolean("found", parent.Gateway is not null || parent.Service is not null);
            WriteNames(json, "attached", parent.Attached);
            WriteNames(json, "undecided", parent.Undecided);
            json.WriteString("status", ParentStatus(snapshot, route, parent));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("entries");
        var entries = RouteEntries(snapshot, resolution).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var backend = resolution.Backends[i].Ref;
            json.WriteStartObject();
            json.WriteNumber("rule", backend.Rule + 1);
            json.WriteStartArray("paths");
            foreach (var match in PathsOf(route, backend))
            {
                json.WriteStartObject();
                json.WriteString("type", match.Type);
                json.WriteString("value", match.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteEntry(json, entries[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter json, string property, IReadOnlyList<GatewayListener> listeners)
    {
        json.WriteStartArray(property);
        foreach (var listener in listeners)
        {
            json.WriteStringValue(listener.Name);
        }

        json.WriteEndArray();
    }

    /// <summary>" in FILE" when the namespace has other objects of this kind and name (copies in several folders).</summary>
    private static string Copy(KubeObject obj, IEnumerable<KubeObject> inNamespace) =>
        inNamespace.Count(o => o.Kind == obj.Kind && o.Name == obj.Name) > 1 ? $" in {obj.Document.File.Path}" : string.Empty;

    private static string ClassText(ClusterSnapshot snapshot, IngressClass ingressClass) => ingressClass.Source switch
    {
        IngressClassSource.Field when snapshot.Ingress.Classes.Count > 0 && !snapshot.Ingress.Classes.Any(c => c.Name == ingressClass.Name) &&
            !snapshot.Options.IngressClasses.Contains(ingressClass.Name!) => $"class {ingressClass.Name}: no such IngressClass, no controller serves it",
        IngressClassSource.Field => $"class {ingressClass.Name}",
        IngressClassSource.Annotation => $"class {ingressClass.Name}, from the annotation",
        IngressClassSource.Default => $"class {ingressClass.Name}, the default class",
        _ => ingressClass.ToString(),
    };

    private static Entry IngressEntry(ClusterSnapshot snapshot, IngressRoute route)
    {
        var request = route.Path is null
            ? "default backend"
            : $"{route.Host ?? "every host"} {route.PathValue ?? "(no path)"}{(route.PathType is { } type ? $" ({type})" : string.Empty)}";
        return new Entry(request, route.Backend?.ToString() ?? "(none)", route.Service, route.Endpoints, IngressWhyNone(snapshot, route));
    }

    private static string? IngressWhyNone(ClusterSnapshot snapshot, IngressRoute route)
    {
        var ingress = route.Ingress;
        if (!snapshot.IsServed(ingress))
        {
            return $"the API server does not serve {ingress.ApiVersion} Ingresses (Kubernetes {snapshot.Options.KubernetesVersion})";
        }

        if (route.Path is { } path && IngressPaths.Rejection(ingress, path) is { } rejection)
        {
            return $"the API server rejects the path: {rejection}";
        }

        if (route.HostRejected || route.BackendRejected)
        {
            return $"the API server rejects the {(route.HostRejected ? "host" : "backend")} (KL817 says why)";
        }

        if (route.Backend?.ServiceName is not { Value.Length: > 0 } name)
        {
            return route.Backend is { HasResource: true } ? "a resource backend (not followed)" : "no backend Service";
        }

        if (route.Service is not { } service)
        {
            var elsewhere = snapshot.NamespacesWithService(name.Value, ingress.Namespace);
            return Missing(snapshot, ingress.Namespace, name.Value) +
                (elsewhere.Count > 0 ? $"; an Ingress reaches only Services of its own namespace (it is in {string.Join(", ", elsewhere)})" : string.Empty);
        }

        if (service.IsExternalName)
        {
            return $"ExternalName Service to {service.ExternalNameNode?.Value}: no pods; some controllers proxy to the name, others refuse";
        }

        return route.ServicePort is null ? NoSuchPort(snapshot, service, route.Backend.ServicePort?.ToString()) : ServiceWhyNone(snapshot, service);
    }

    private static string RouteHeading(RouteObject route, IEnumerable<RouteObject> inNamespace) =>
        route.ToString() + Copy(route, inNamespace) +
        (route.Hostnames.Count == 0 ? string.Empty : $" (hostnames {string.Join(", ", route.Hostnames.Select(h => h.Value))})");

    private static IEnumerable<Entry> RouteEntries(ClusterSnapshot snapshot, RouteResolution resolution)
    {
        var attaches = resolution.Parents.Any(p =>
            p.Attached.Count > 0 || p.Undecided.Count > 0 || p.Service is not null || (!p.Ref.IsGateway && !p.Ref.IsService));
        foreach (var backend in resolution.Backends)
        {
            var paths = PathsOf(resolution.Route, backend.Ref);
            var request = $"rule {backend.Ref.Rule + 1}" +
                (paths.Count > 0 ? " " + string.Join(", ", paths) : resolution.Route.Kind == "HTTPRoute" ? " every path" : string.Empty);
            var why = attaches ? BackendWhyNone(snapshot, resolution.Route, backend) : "no traffic: the route attaches to no Gateway listener";
            yield return new Entry(request, BackendText(resolution.Route, backend.Ref), backend.Service, backend.Port, why);
        }
    }

    private static IReadOnlyList<RoutePathMatch> PathsOf(RouteObject route, BackendRef backend) =>
        backend.Rule < route.RulePaths.Count ? route.RulePaths[backend.Rule] : [];

    private static string BackendText(RouteObject route, BackendRef backend)
    {
        var name = (backend.Namespace == route.Namespace ? string.Empty : backend.Namespace + "/") + (backend.NameNode?.Value ?? "(no name)");
        var port = backend.Port is { } number ? ":" + number.Value.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return backend.IsService ? name + port : $"{backend.Kind} {name}{port}";
    }

    private static string? BackendWhyNone(ClusterSnapshot snapshot, RouteObject route, BackendResolution backend)
    {
        var reference = backend.Ref;
        if (!reference.IsService)
        {
            return $"a {reference.Kind} backend (not followed)";
        }

        if (reference.NameNode is not { Value.Length: > 0 } name)
        {
            return "no backend name";
        }

        if (reference.Port is null)
        {
            return "no port: the API server rejects the route (Must have port for Service reference)";
        }

        if (!backend.Permitted)
        {
            return $"not permitted: no ReferenceGrant in namespace {reference.Namespace} lets {route.Kind}s of namespace {route.Namespace} refer to it (HTTP 500)" +
                (snapshot.OwnsNamespace(reference.Namespace) ? string.Empty : "; the namespace is not the input's, the cluster may have one");
        }

        if (backend.Service is not { } service)
        {
            return Missing(snapshot, reference.Namespace, name.Value);
        }

        if (service.IsExternalName)
        {
            return $"ExternalName Service to {service.ExternalNameNode?.Value}: implementations should not support it, the backend is usually rejected";
        }

        return backend.Port is null ? NoSuchPort(snapshot, service, reference.Port.Value.Value.ToString(CultureInfo.InvariantCulture)) : ServiceWhyNone(snapshot, service);
    }

    private static string ParentText(ClusterSnapshot snapshot, RouteObject route, ParentResolution parent)
    {
        var reference = parent.Ref;
        var name = $"{reference.Kind} {reference.Namespace}/{reference.NameNode?.Value}";
        var section = reference.SectionNameNode is { } sectionName ? $" sectionName {sectionName.Value}" : string.Empty;
        var port = reference.Port is { } number ? $" port {number.Value}" : string.Empty;
        return $"{name}{section}{port}: {ParentStatus(snapshot, route, parent)}";
    }

    private static string ParentStatus(ClusterSnapshot snapshot, RouteObject route, ParentResolution parent)
    {
        var reference = parent.Ref;
        var name = reference.NameNode?.Value ?? string.Empty;
        if (reference.IsService)
        {
            return parent.Service is null ? Missing(snapshot, reference.Namespace, name) : "a mesh parent (the Service's own traffic)";
        }

        if (!reference.IsGateway)
        {
            return "not followed";
        }

        if (parent.Gateway is null)
        {
            return snapshot.OwnsNamespace(reference.Namespace)
                ? $"no Gateway {name} in namespace {reference.Namespace}"
                : $"no Gateway {name} in the input; namespace {reference.Namespace} is not the input's, the cluster may have it";
        }

        if (parent.Selected.Count == 0)
        {
            return "no listener matches the sectionName and port";
        }

        var attached = parent.Attached.Count > 0 ? "attached to " + string.Join(", ", parent.Attached) : null;
        var undecided = parent.Undecided.Count > 0
            ? $"may attach to {string.Join(", ", parent.Undecided)} (the labels of namespace {route.Namespace} are not in the input)"
            : null;
        if (attached is not null || undecided is not null)
        {
            return string.Join("; ", new[] { attached, undecided }.Where(s => s is not null));
        }

        return parent.Admitting.Count == 0
            ? $"no listener admits {route.Kind}s of namespace {route.Namespace}"
            : "no listener hostname intersects the route's hostnames";
    }

    private static string Missing(ClusterSnapshot snapshot, string ns, string name)
    {
        if (snapshot.IsConfiguredService(ns, name))
        {
            return $"Service {name} exists in the cluster (configuration), not in the input: not followed";
        }

        return snapshot.OwnsNamespace(ns)
            ? $"no Service {name} in namespace {ns}"
            : $"no Service {name} in the input; namespace {ns} is not the input's, the cluster may have it";
    }

    private static string NoSuchPort(ClusterSnapshot snapshot, ServiceObject service, string? wanted) =>
        ServiceTable.NoPorts(snapshot, service) is { } rejected ? $"Service {service.Name}: {rejected}"
        : wanted is null
            ? $"the backend names no service port (Service {service.Name} has {PortList(service)})"
            : $"Service {service.Name} has no port {wanted} (it has {PortList(service)})";

    private static string PortList(ServiceObject service) =>
        service.Ports.Count == 0 ? "no ports" : string.Join(", ", service.Ports.Select(ServiceTable.PortText));

    private static string? ServiceWhyNone(ClusterSnapshot snapshot, ServiceObject service) =>
        ServiceTable.WhyNoEndpoints(snapshot, service) is { } why ? $"Service {service.Name}: {why}" : null;

    /// <summary>One entry: the request it takes, the backend as written, and what it reaches or why nothing.</summary>
    private sealed record Entry(string Request, string Backend, ServiceObject? Service, PortResolution? Port, string? WhyNone);
}
