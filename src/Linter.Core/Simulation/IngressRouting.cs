using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>How an Ingress got its class.</summary>
public enum IngressClassSource
{
    /// <summary><c>spec.ingressClassName</c>.</summary>
    Field,

    /// <summary>The deprecated annotation <c>kubernetes.io/ingress.class</c>.</summary>
    Annotation,

    /// <summary>The one IngressClass of the input marked default (the DefaultIngressClass admission plugin).</summary>
    Default,

    /// <summary>No class, and no default class in the input: up to the controllers (controller-specific).</summary>
    None,

    /// <summary>No class, and several default classes: the manifests do not decide.</summary>
    AmbiguousDefault,

    /// <summary><c>ingressClassName</c> is rejected by the API server, or contradicts the annotation (KL817): unknown.</summary>
    Rejected,
}

/// <summary>The class an Ingress ends up with, and how.</summary>
public readonly record struct IngressClass(string? Name, IngressClassSource Source)
{
    public override string ToString() => Source switch
    {
        IngressClassSource.None => "no class",
        IngressClassSource.AmbiguousDefault => "an ambiguous default class",
        IngressClassSource.Rejected => "a class the API server rejects",
        _ => Name!,
    };
}

/// <summary>
/// One routing entry of an Ingress: a path of a rule, or the default backend (<see cref="Path"/> null), with its
/// backend resolved in the Ingress's namespace to the Service, the service port and that port's resolution.
/// </summary>
public sealed class IngressRoute
{
    internal IngressRoute(IngressObject ingress, IngressPath? path, IngressBackend? backend)
    {
        (Ingress, Path, Backend) = (ingress, path, backend);
        IsValid = path is null || IngressPaths.Rejection(ingress, path) is null;
    }

    public IngressObject Ingress { get; }

    /// <summary>The path entry; null for <c>defaultBackend</c>.</summary>
    public IngressPath? Path { get; }

    public IngressBackend? Backend { get; }

    /// <summary>The rule's host, lower-cased; null for all hosts.</summary>
    public string? Host => Path?.Rule.Host is { Value.Length: > 0 } host ? host.Value.ToLowerInvariant() : null;

    /// <summary>The <c>pathType</c>; a v1beta1 path without one is <c>ImplementationSpecific</c> (its default).</summary>
    public string? PathType => Path?.PathType?.Value ?? (Path is not null && Ingress.IsLegacy ? "ImplementationSpecific" : null);

    public string? PathValue => Path?.Path?.Value;

    /// <summary>How the entry reads in messages: "path /api on shop.example.com", or "its default backend".</summary>
    public string Entry => Path is null ? "its default backend" : $"path {PathValue ?? "(none)"} on {Host ?? "every host"}";

    /// <summary>The backend Service, in the Ingress's namespace (closest copy), when the input has it.</summary>
    public ServiceObject? Service { get; internal set; }

    /// <summary>The service port the backend names (<c>number</c> = service <c>port</c>, <c>name</c> = service port <c>name</c>).</summary>
    public ServicePort? ServicePort { get; internal set; }

    /// <summary>Where the service port lands on each selected pod (the Service's own resolution).</summary>
    public PortResolution? Endpoints { get; internal set; }

    /// <summary>The API server accepts this path entry (see <see cref="IngressPaths.Rejection"/>; judged once, several rules ask).</summary>
    public bool IsValid { get; }

    /// <summary>The API server rejects the backend (KL817): it is left out of the simulation, not resolved to a Service.</summary>
    public bool BackendRejected { get; internal set; }

    /// <summary>The API server rejects the rule's host (KL817): the entry takes part in no host comparison.</summary>
    public bool HostRejected { get; internal set; }
}

/// <summary>An Ingress with its effective class and its routing entries.</summary>
public sealed class IngressResolution
{
    internal IngressResolution(IngressObject ingress, IngressClass ingressClass, IReadOnlyList<IngressRoute> routes, IngressValidity validity) =>
        (Ingress, Class, Routes, Validity) = (ingress, ingressClass, routes, validity);

    public IngressObject Ingress { get; }

    /// <summary>The fields the API server rejects besides paths (KL817), which the simulation leaves out.</summary>
    public IngressValidity Validity { get; }

    public IngressClass Class { get; }

    /// <summary>Every path of every rule, in input order, then the default backend.</summary>
    public IReadOnlyList<IngressRoute> Routes { get; }
}

/// <summary>
/// The Ingresses of the input, simulated: the effective class (<c>spec.ingressClassName</c>, else the annotation
/// <c>kubernetes.io/ingress.class</c>, else the one served IngressClass marked default) and every routing entry
/// resolved to Service, service port and endpoints through <see cref="ClusterSnapshot.Resolve"/>.
/// </summary>
public sealed class IngressRouting
{
    private readonly Dictionary<IngressObject, IngressResolution> _byIngress = [];
    private readonly Dictionary<(string Namespace, string Name), List<IngressResolution>> _byName = [];

    internal IngressRouting(ClusterSnapshot snapshot)
    {
        Classes = snapshot.Objects.OfType<IngressClassObject>().ToList();
        DefaultClasses = Classes.Where(c => c.IsMarkedDefault && snapshot.IsServed(c)).ToList();
        var defaults = DefaultClasses.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var ingress in snapshot.Objects.OfType<IngressObject>())
        {
            var validity = IngressValidation.Check(ingress, snapshot.Options.KubernetesVersion);
            var routes = new List<IngressRoute>();
            foreach (var path in ingress.Paths)
            {
                routes.Add(Route(snapshot, ingress, path, path.Backend, validity));
            }

            if (ingress.DefaultBackend is { } backend)
            {
                routes.Add(Route(snapshot, ingress, null, backend, validity));
            }

            var ingressClass = validity.ClassRejected ? new IngressClass(null, IngressClassSource.Rejected) : ClassOf(ingress, defaults);
            var resolution = new IngressResolution(ingress, ingressClass, routes, validity);
            _byIngress[ingress] = resolution;
            (_byName.TryGetValue((ingress.Namespace, ingress.Name), out var list) ? list : _byName[(ingress.Namespace, ingress.Name)] = []).Add(resolution);
        }

        Ingresses = _byIngress.Values.ToList();
    }

    /// <summary>Every Ingress of the input, in input order.</summary>
    public IReadOnlyList<IngressResolution> Ingresses { get; }

    /// <summary>Every IngressClass of the input, in input order.</summary>
    public IReadOnlyList<IngressClassObject> Classes { get; }

    /// <summary>The served IngressClasses marked default, in input order.</summary>
    public IReadOnlyList<IngressClassObject> DefaultClasses { get; }

    public IngressResolution Of(IngressObject ingress) => _byIngress[ingress];

    /// <summary>The Ingresses with this namespace and name (several when the input defines it more than once).</summary>
    public IReadOnlyList<IngressResolution> Find(string ns, string name) => _byName.TryGetValue((ns, name), out var list) ? list : Array.Empty<IngressResolution>();

    private static IngressClass ClassOf(IngressObject ingress, IReadOnlyList<string> defaults)
    {
        if (ingress.IngressClassName is { Value.Length: > 0 } field)
        {
            return new IngressClass(field.Value, IngressClassSource.Field);
        }

        if (ingress.ClassAnnotation is { } annotation)
        {
            return new IngressClass(annotation.Value.Value, IngressClassSource.Annotation);
        }

        return defaults.Count switch
        {
            0 => new IngressClass(null, IngressClassSource.None),
            1 => new IngressClass(defaults[0], IngressClassSource.Default),
            _ => new IngressClass(null, IngressClassSource.AmbiguousDefault),
        };
    }

    private static IngressRoute Route(ClusterSnapshot snapshot, IngressObject ingress, IngressPath? path, IngressBackend? backend, IngressValidity validity)
    {
        var route = new IngressRoute(ingress, path, backend)
        {
            BackendRejected = backend is not null && validity.Rejects(backend),
            HostRejected = path is not null && validity.RejectsHost(path.Rule),
        };
        if (route.BackendRejected || backend?.ServiceName is not { Value.Length: > 0 } name)
        {
            return route;
        }

        route.Service = snapshot.FindService(ingress.Namespace, name.Value, ingress.ApplyUnit);
        if (route.Service is null || route.Service.IsExternalName || backend.ServicePort is not { } port)
        {
            return route;
        }

        route.ServicePort = ServicePortOf(route.Service, port);
        if (route.ServicePort is { } servicePort)
        {
            route.Endpoints = snapshot.Resolve(route.Service).Of(servicePort);
        }

        return route;
    }

    /// <summary>The Service's port the backend names, by number or by name (a loop: Ingresses have paths by the thousand).</summary>
    private static ServicePort? ServicePortOf(ServiceObject service, PortRef port)
    {
        var ports = service.Ports;
        for (var i = 0; i < ports.Count; i++)
        {
            if (port.Number is { } n ? ports[i].Port?.Value == n : ports[i].Name == port.Name)
            {
                return ports[i];
            }
        }

        return null;
    }
}

/// <summary>What the API server checks in an Ingress path (<c>validateHTTPIngressPath</c>).</summary>
public static class IngressPaths
{
    public static readonly IReadOnlyList<string> PathTypes = ["Exact", "Prefix", "ImplementationSpecific"];

    private static readonly string[] Forbidden = ["//", "/./", "/../", "%2f", "%2F"];

    private static readonly string[] ForbiddenEndings = ["/..", "/."];

    /// <summary>
    /// Why the API server rejects this path of a <c>networking.k8s.io/v1</c> Ingress, or null when it accepts it (and
    /// for v1beta1 objects, whose <c>pathType</c> was optional).
    /// </summary>
    public static string? Rejection(IngressObject ingress, IngressPath path)
    {
        if (ingress.IsLegacy)
        {
            return null;
        }

        if (path.PathType is null)
        {
            return "pathType must be specified";
        }

        var type = path.PathType.Value;
        if (!PathTypes.Contains(type))
        {
            return $"unsupported pathType \"{type}\"";
        }

        var value = path.Path?.Value ?? string.Empty;
        if (type == "ImplementationSpecific")
        {
            return value.Length > 0 && value[0] != '/' ? "must be an absolute path" : null;
        }

        if (value.Length == 0 || value[0] != '/')
        {
            return "must be an absolute path";
        }

        foreach (var part in Forbidden)
        {
            if (value.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return $"must not contain '{part}'";
            }
        }

        foreach (var ending in ForbiddenEndings)
        {
            if (value.EndsWith(ending, StringComparison.Ordinal))
            {
                return $"cannot end with '{ending}'";
            }
        }

        return null;
    }
}
