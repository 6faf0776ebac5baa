using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// Binds the Gateway API kinds (gateway.networking.k8s.io, any served version). They are custom resources: their
/// fields are read with types checked, but unknown keys are not reported (no KL004 field sets).
/// </summary>
internal static class GatewayBinder
{
    public static KubeObject? Create(SourceDocument document, string apiVersion, string kind, string group)
    {
        if (group != GatewayApi.Group)
        {
            return null;
        }

        return kind switch
        {
            "Gateway" => new GatewayObject(document, apiVersion),
            "GatewayClass" => new GatewayClassObject(document, apiVersion),
            "ReferenceGrant" => new ReferenceGrantObject(document, apiVersion),
            _ when GatewayApi.IsRouteKind(kind) => new RouteObject(document, apiVersion, kind),
            _ => null,
        };
    }

    public static void Bind(KubeObject obj, FieldReader top)
    {
        var spec = top.Child("spec");
        if (spec is null)
        {
            return;
        }

        switch (obj)
        {
            case GatewayClassObject gatewayClass:
                gatewayClass.ControllerNameNode = spec.String("controllerName");
                break;
            case GatewayObject gateway:
                gateway.GatewayClassNameNode = spec.String("gatewayClassName");
                gateway.Listeners = Listeners(spec);
                break;
            case RouteObject route:
                BindRoute(route, spec);
                break;
            case ReferenceGrantObject grant:
                // Arrays filled in loops: LINQ making tuples is compiled at run time.
                var from = spec.Items("from");
                var grantedFrom = new (string Group, string Kind, string Namespace)[from.Length];
                for (var i = 0; i < from.Length; i++)
                {
                    grantedFrom[i] = (from[i].String("group")?.Value ?? string.Empty, from[i].String("kind")?.Value ?? string.Empty, from[i].String("namespace")?.Value ?? string.Empty);
                }

                var to = spec.Items("to");
                var grantedTo = new (string Group, string Kind, string? Name)[to.Length];
                for (var i = 0; i < to.Length; i++)
                {
                    grantedTo[i] = (to[i].String("group")?.Value ?? string.Empty, to[i].String("kind")?.Value ?? string.Empty, to[i].String("name") is { Value.Length: > 0 } n ? n.Value : null);
                }

                grant.From = grantedFrom;
                grant.To = grantedTo;
                break;
        }
    }

    private static List<GatewayListener> Listeners(FieldReader spec)
    {
        var listeners = new List<GatewayListener>();
        foreach (var reader in spec.Items("listeners"))
        {
            var listener = new GatewayListener(reader.Map.Span, listeners.Count)
            {
                NameNode = reader.String("name"),
                Port = reader.Int("port"),
                ProtocolNode = reader.String("protocol"),
                HostnameNode = reader.String("hostname"),
                AllowedRoutesKey = reader.Key("allowedRoutes"),
            };
            if (reader.Child("tls") is { } tls)
            {
                listener.TlsKey = reader.Key("tls");
                listener.TlsModeNode = tls.String("mode");
                listener.HasCertificateRefs = tls.Sequence("certificateRefs") is { Items.Count: > 0 };
                listener.HasTlsOptions = tls.Mapping("options") is { Entries.Count: > 0 };
            }

            if (reader.Child("allowedRoutes") is { } allowed)
            {
                if (allowed.Child("namespaces") is { } namespaces)
                {
                    listener.FromNode = namespaces.String("from");
                    if (namespaces.Child("selector") is { } selector)
                    {
                        listener.NamespaceSelector = WorkloadBinder.BindLabelSelector(selector);
                    }
                }

                if (allowed.Sequence("kinds") is not null)
                {
                    listener.Kinds = allowed.Items("kinds")
                        .Select(kind => new RouteGroupKind(kind.String("group")?.Value ?? GatewayApi.Group, kind.String("kind")?.Value ?? string.Empty))
                        .ToList();
                }
            }

            listeners.Add(listener);
        }

        return listeners;
    }

    private static void BindRoute(RouteObject route, FieldReader spec)
    {
        var parents = new List<ParentRef>();
        foreach (var reader in spec.Items("parentRefs"))
        {
            var parent = new ParentRef(reader.Map.Span, parents.Count)
            {
                NameNode = reader.String("name"),
                NamespaceNode = reader.String("namespace"),
                SectionNameNode = reader.String("sectionName"),
                Port = reader.Int("port"),
            };
            parent.Group = reader.String("group")?.Value ?? GatewayApi.Group;
            parent.Kind = reader.String("kind")?.Value ?? "Gateway";
            parent.Namespace = parent.NamespaceNode is { Value.Length: > 0 } ns ? ns.Value : route.Namespace;
            parents.Add(parent);
        }

        route.ParentRefs = parents;
        if (route.HasHostnames)
        {
            route.HostnamesKey = spec.Key("hostnames");
            route.Hostnames = spec.Sequence("hostnames")?.Items.OfType<ScalarNode>().Where(h => h is { IsNull: false, Kind: ScalarKind.String }).ToList() ?? [];
        }

        var backends = new List<BackendRef>();
        var paths = new List<IReadOnlyList<RoutePathMatch>>();
        var rule = 0;
        foreach (var ruleReader in spec.Items("rules"))
        {
            paths.Add(route.Kind == "HTTPRoute" ? PathMatches(ruleReader) : []);
            foreach (var reader in ruleReader.Items("backendRefs"))
            {
                var backend = new BackendRef(reader.Map.Span, reader.Map.Entries.Count > 0 ? reader.Map.Entries[0].Key.Span : reader.Map.Span, rule)
                {
                    NameNode = reader.String("name"),
                    NamespaceNode = reader.String("namespace"),
                    HasPortKey = reader.Key("port") is not null && reader.Map["port"] is not ScalarNode { IsNull: true },
                    Port = reader.Int("port"),
                };
                backend.Group = reader.String("group")?.Value ?? string.Empty;
                backend.Kind = reader.String("kind")?.Value ?? "Service";
                backend.Namespace = backend.NamespaceNode is { Value.Length: > 0 } ns ? ns.Value : route.Namespace;
                backends.Add(backend);
            }

            rule++;
        }

        route.BackendRefs = backends;
        route.RulePaths = paths;
    }

    private static List<RoutePathMatch> PathMatches(FieldReader rule) =>
        rule.Items("matches").Select(m => m.Child("path"))
            .Select(p => new RoutePathMatch(p?.String("type")?.Value ?? "PathPrefix", p?.String("value")?.Value ?? "/"))
            .ToList();
}
