using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Binds Ingress and IngressClass objects; v1beta1 Ingresses through their legacy fields.</summary>
internal static class IngressBinder
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public static void Bind(IngressObject ingress, FieldReader top)
    {
        ingress.ClassAnnotation = ingress.Annotation(ClassAnnotation);
        var legacy = ingress.IsLegacy;
        ingress.SpecKey = top.Key("spec");
        var spec = top.Child("spec");
        if (spec is null)
        {
            ingress.HasRulesOrDefaultBackend = top.Written("spec"); // a spec of the wrong type is KL003's
            return;
        }

        var backendKey = legacy ? "backend" : "defaultBackend";
        ingress.HasRulesOrDefaultBackend = spec.Written(backendKey) || NotEmpty(spec, "rules");
        ingress.IngressClassName = spec.String("ingressClassName");
        ingress.DefaultBackend = Backend(spec, backendKey, legacy);

        var rules = new List<IngressRule>();
        foreach (var reader in spec.Items("rules"))
        {
            var rule = new IngressRule(reader.Map.Span) { Host = reader.String("host"), FieldPath = reader.Path };
            var paths = new List<IngressPath>();
            var http = reader.Child("http");
            if (http is not null)
            {
                rule.HttpKey = reader.Key("http");
                rule.PathsKey = http.Key("paths");
                rule.HasPaths = NotEmpty(http, "paths");
            }

            foreach (var pathReader in http?.Items("paths") ?? [])
            {
                paths.Add(new IngressPath(rule, pathReader.Map.Span)
                {
                    BackendKey = pathReader.Key("backend"),
                    FieldPath = pathReader.Path,
                    Path = pathReader.String("path"),
                    PathType = pathReader.String("pathType"),
                    Backend = Backend(pathReader, "backend", legacy),
                });
            }

            rule.Paths = paths;
            rules.Add(rule);
        }

        ingress.Rules = rules;

        var tls = new List<IngressTls>();
        foreach (var reader in spec.Items("tls"))
        {
            tls.Add(new IngressTls(reader.Map.Span) { FieldPath = reader.Path, Hosts = reader.Strings("hosts"), SecretName = reader.String("secretName") });
        }

        ingress.Tls = tls;
    }

    public static void Bind(IngressClassObject ingressClass, FieldReader top)
    {
        ingressClass.DefaultAnnotation = ingressClass.Annotation(DefaultClassAnnotation)?.Value;
        ingressClass.SpecKey = top.Key("spec");
        var spec = top.Child("spec");
        // A spec of the wrong type is KL003's: count its controller as written.
        ingressClass.ControllerWritten = spec?.WrittenNonZero("controller") ?? top.Written("spec");
        ingressClass.Controller = spec?.String("controller");
        var parameters = spec?.Child("parameters");
        if (parameters is not null)
        {
            ingressClass.Parameters = new IngressClassParameters(parameters.Map.Span)
            {
                Key = spec!.Key("parameters"),
                ApiGroup = parameters.String("apiGroup"),
                Kind = parameters.String("kind"),
                Name = parameters.String("name"),
                Namespace = parameters.String("namespace"),
                Scope = parameters.String("scope"),
                NamespaceKey = parameters.Written("namespace") ? parameters.Key("namespace") : null,
                KindWritten = parameters.WrittenNonZero("kind"),
                NameWritten = parameters.WrittenNonZero("name"),
                ScopeWritten = parameters.Written("scope"),
            };
        }
    }

    /// <summary>
    /// A v1 backend written with the v1beta1 keys only: KL817 reports the backend ("resource or service backend is
    /// required") and names the v1 fields, so KL004 does not report <c>serviceName</c>/<c>servicePort</c> again.
    /// </summary>
    internal static bool WrittenWithV1Beta1KeysOnly(MappingNode backend) =>
        backend["service"] is null && backend["resource"] is null && (backend["serviceName"] is not null || backend["servicePort"] is not null);

    /// <summary>The backend under <paramref name="key"/>, or null when it is not written as a mapping.</summary>
    private static IngressBackend? Backend(FieldReader parent, string key, bool legacy)
    {
        var map = parent.Mapping(key);
        if (map is null)
        {
            return null;
        }

        var legacyKeysOnly = !legacy && WrittenWithV1Beta1KeysOnly(map);
        var reader = parent.Child(key)!;
        var backend = new IngressBackend(reader.Map.Span)
        {
            Key = parent.Key(key),
            FieldPath = reader.Path,
            IsLegacy = legacy,
            HasResource = reader.Written("resource"),
        };
        reader.Child("resource"); // only for its type: `resource` must be a mapping (KL003)
        if (legacyKeysOnly)
        {
            backend.LegacyFields = map.Entries.Where(e => e.Key.Value is "serviceName" or "servicePort" && e.Value is ScalarNode)
                .Select(e => new StringPair(e.Key, (ScalarNode)e.Value)).ToList();
        }

        if (legacy)
        {
            backend.HasService = reader.Written("serviceName") || reader.Written("servicePort");
            backend.ServiceNameWritten = reader.WrittenNonZero("serviceName");
            backend.ServiceName = reader.String("serviceName");
            backend.ServicePort = reader.PortRef("servicePort");
            backend.PortKey = reader.Key("servicePort");
            backend.PortUnreadable = reader.Written("servicePort") && backend.ServicePort is null;
            backend.PortNameWritten = backend.ServicePort is { Name.Length: > 0 };
            backend.PortNumberWritten = backend.ServicePort is { Number: not 0 and not null };
            backend.PortName = backend.ServicePort is { Name: not null } named ? named.Node : null;
            backend.PortNumber = backend.ServicePort is { Number: { } n } numbered ? new IntField(n, numbered.Node) : null;
            return backend;
        }

        backend.HasService = reader.Written("service");
        backend.ServiceKey = backend.HasService ? reader.Key("service") : null;
        var service = reader.Child("service");
        if (service is null)
        {
            backend.ServiceUnreadable = backend.HasService;
            return backend;
        }

        backend.ServiceNameWritten = service.WrittenNonZero("name");
        backend.ServiceName = service.String("name");
        backend.PortKey = service.Written("port") ? service.Key("port") : null;
        var port = service.Child("port");
        if (port is null)
        {
            backend.PortUnreadable = backend.PortKey is not null;
            return backend;
        }

        backend.PortNameWritten = port.WrittenNonZero("name");
        backend.PortNumberWritten = port.WrittenNonZero("number");
        backend.PortNumber = port.Int("number");
        backend.PortName = port.String("name");
        if (backend.PortNumber is { } number)
        {
            backend.ServicePort = new PortRef(number.Value, null, number.Node);
        }
        else if (backend.PortName is { } name)
        {
            backend.ServicePort = new PortRef(null, name.Value, name);
        }

        return backend;
    }

    /// <summary>The list is written and not empty (a value of another type counts: KL003 reports it).</summary>
    private static bool NotEmpty(FieldReader reader, string name) =>
        reader.Map[name] is { } node && node is not ScalarNode { IsNull: true } && node is not SequenceNode { Items.Count: 0 };
}
