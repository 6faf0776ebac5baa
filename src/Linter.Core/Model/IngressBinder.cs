using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Binds Ingress and IngressClass objects; v1beta1 Ingresses through their legacy fields.</summary>
internal static class IngressBinder
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public const string DefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public static void Bind(IngressObject ingress, FieldReader top)
    {
        ingress.ClassAnnotation = ingress.Annotations.Where(a => a.Key.Value == ClassAnnotation).Select(a => (StringPair?)a).FirstOrDefault();
        var legacy = ingress.IsLegacy;
        var spec = top.Child("spec", legacy ? KnownFields.IngressSpecV1Beta1 : KnownFields.IngressSpec);
        if (spec is null)
        {
            return;
        }

        ingress.IngressClassName = spec.String("ingressClassName");
        var backend = spec.Child(legacy ? "backend" : "defaultBackend", legacy ? KnownFields.IngressBackendV1Beta1 : KnownFields.IngressBackend);
        ingress.DefaultBackend = backend is null ? null : Backend(backend, legacy);

        var rules = new List<IngressRule>();
        foreach (var (item, path) in spec.MappingItems("rules"))
        {
            var reader = spec.Nested(item, path, KnownFields.IngressRule);
            var rule = new IngressRule(item) { Host = reader.String("host") };
            var paths = new List<IngressPath>();
            var http = reader.Child("http", KnownFields.HttpIngressRuleValue);
            foreach (var (pathItem, pathPath) in http?.MappingItems("paths") ?? [])
            {
                var pathReader = http!.Nested(pathItem, pathPath, KnownFields.HttpIngressPath);
                var pathBackend = pathReader.Child("backend", legacy ? KnownFields.IngressBackendV1Beta1 : KnownFields.IngressBackend);
                paths.Add(new IngressPath(rule, pathItem)
                {
                    Path = pathReader.String("path"),
                    PathType = pathReader.String("pathType"),
                    Backend = pathBackend is null ? null : Backend(pathBackend, legacy),
                });
            }

            rule.Paths = paths;
            rules.Add(rule);
        }

        ingress.Rules = rules;

        var tls = new List<IngressTls>();
        foreach (var (item, path) in spec.MappingItems("tls"))
        {
            var reader = spec.Nested(item, path, KnownFields.IngressTls);
            tls.Add(new IngressTls(item) { Hosts = Strings(reader, "hosts"), SecretName = reader.String("secretName") });
        }

        ingress.Tls = tls;
    }

    public static void Bind(IngressClassObject ingressClass, FieldReader top)
    {
        ingressClass.DefaultAnnotation = ingressClass.Annotations.Where(a => a.Key.Value == DefaultClassAnnotation).Select(a => a.Value).FirstOrDefault();
        var spec = top.Child("spec", KnownFields.IngressClassSpec);
        ingressClass.Controller = spec?.String("controller");
        spec?.Child("parameters", KnownFields.IngressClassParameters);
    }

    private static IngressBackend Backend(FieldReader reader, bool legacy)
    {
        var backend = new IngressBackend(reader.Map) { HasResource = reader.Mapping("resource") is not null };
        reader.Child("resource", KnownFields.TypedLocalObjectReference);
        if (legacy)
        {
            backend.ServiceName = reader.String("serviceName");
            backend.ServicePort = reader.PortRef("servicePort");
            return backend;
        }

        var service = reader.Child("service", KnownFields.IngressServiceBackend);
        if (service is null)
        {
            return backend;
        }

        backend.ServiceName = service.String("name");
        var port = service.Child("port", KnownFields.ServiceBackendPort);
        if (port?.Int("number") is { } number)
        {
            backend.ServicePort = new PortRef(number.Value, null, number.Node);
        }
        else if (port?.String("name") is { } name)
        {
            backend.ServicePort = new PortRef(null, name.Value, name);
        }

        return backend;
    }

    private static IReadOnlyList<ScalarNode> Strings(FieldReader reader, string name)
    {
        var list = reader.Sequence(name);
        if (list is null)
        {
            return [];
        }

        var strings = new List<ScalarNode>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is ScalarNode { Kind: ScalarKind.String } s)
            {
                strings.Add(s);
            }
            else if (list.Items[i] is not ScalarNode { IsNull: true })
            {
                reader.Problem(ProblemKind.WrongType, list.Items[i].Span,
                    $"`{reader.Path}.{name}[{i}]` must be a string, not {list.Items[i].Describe()}; the API server rejects the object");
            }
        }

        return strings;
    }
}
