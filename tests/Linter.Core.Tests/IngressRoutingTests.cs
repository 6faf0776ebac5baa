using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class IngressRoutingTests
{
    private static readonly string App = Cluster.Deployment("web", "{app: web}", """
              containers:
                - name: web
                  image: nginx
                  ports:
                    - {name: http, containerPort: 8080}
        """) + """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
            - {name: http, port: 80, targetPort: http}
        ---

        """;

    private static string Class(string name, bool isDefault, string apiVersion = "networking.k8s.io/v1") => $"""
        apiVersion: {apiVersion}
        kind: IngressClass
        metadata:
          name: {name}
          annotations: {(isDefault ? "{ingressclass.kubernetes.io/is-default-class: \"true\"}" : "{}")}
        spec:
          controller: example.com/{name}
        ---

        """;

    private const string V1 = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
        spec:
          rules:
            - host: Shop.Example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: web, port: {number: 80}}
                  - path: /api
                    pathType: Exact
                    backend:
                      service: {name: web, port: {name: http}}
                  - path: /missing
                    pathType: Prefix
                    backend:
                      service: {name: web, port: {number: 8080}}
          defaultBackend:
            service: {name: nothere, port: {number: 80}}
        """;

    [Fact]
    public void V1_paths_and_default_backend_resolve_through_the_service()
    {
        var routing = Cluster.From(App + V1).Ingress;
        var shop = Assert.Single(routing.Find("default", "shop"));
        Assert.Equal(new IngressClass(null, IngressClassSource.None), shop.Class);
        Assert.Equal(4, shop.Routes.Count);

        var root = shop.Routes[0];
        Assert.Equal(("shop.example.com", "Prefix", "/"), (root.Host, root.PathType, root.PathValue));
        Assert.Equal("web", root.Service?.Name);
        Assert.Equal(80, root.ServicePort?.Port?.Value);
        Assert.Equal(8080, Assert.Single(root.Endpoints!.Backends).TargetNumber);

        Assert.Equal("http", shop.Routes[1].ServicePort?.Name);
        Assert.NotNull(shop.Routes[2].Service);
        Assert.Null(shop.Routes[2].ServicePort); // 8080 is the container port, not a service port

        var fallback = shop.Routes[3];
        Assert.Null(fallback.Path);
        Assert.Null(fallback.Host);
        Assert.Null(fallback.Service);
        Assert.Equal("nothere:80", fallback.Backend?.ToString());
    }

    [Fact]
    public void Legacy_fields_are_read_and_a_missing_path_type_is_implementation_specific()
    {
        const string legacy = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: old
            spec:
              backend: {serviceName: web, servicePort: http}
              rules:
                - http:
                    paths:
                      - path: /
                        backend: {serviceName: web, servicePort: 80}
            """;
        var snapshot = Cluster.From(App + legacy);
        var old = Assert.Single(snapshot.Ingress.Ingresses);
        Assert.True(old.Ingress.IsLegacy);
        Assert.Equal(["ImplementationSpecific", null], old.Routes.Select(r => r.PathType));
        Assert.All(old.Routes, r => Assert.Equal(80, r.ServicePort?.Port?.Value));
        Assert.False(snapshot.IsServed(old.Ingress));
        Assert.True(LegacyServedBy(new Version(1, 21)));
    }

    private static bool LegacyServedBy(Version version) =>
        Cluster.From("apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: a}\n", new SimulationOptions { KubernetesVersion = version })
            is var snapshot && snapshot.IsServed(Assert.Single(snapshot.Objects));

    [Theory]
    [InlineData("ingressClassName: nginx", "", "nginx", IngressClassSource.Field)]
    [InlineData("ingressClassName: nginx", "{kubernetes.io/ingress.class: nginx}", "nginx", IngressClassSource.Field)]
    [InlineData("ingressClassName: nginx", "{kubernetes.io/ingress.class: traefik}", null, IngressClassSource.Rejected)]
    [InlineData("ingressClassName: Nginx", "", null, IngressClassSource.Rejected)]
    [InlineData("", "{kubernetes.io/ingress.class: traefik}", "traefik", IngressClassSource.Annotation)]
    [InlineData("", "", "public", IngressClassSource.Default)]
    public void The_effective_class_is_the_field_then_the_annotation_then_the_default(string field, string annotations, string? name, IngressClassSource source)
    {
        var ingress = $"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: a
              annotations: {(annotations.Length == 0 ? "{}" : annotations)}
            spec:
              {field}
              defaultBackend: {"{service: {name: web, port: {number: 80}}}"}
            """;
        var routing = Cluster.From(App + Class("public", true) + Class("internal", false) + Class("old", true, "networking.k8s.io/v1beta1") + ingress).Ingress;
        Assert.Equal(new IngressClass(name, source), Assert.Single(routing.Ingresses).Class);
    }

    [Fact]
    public void Two_default_classes_make_an_ambiguous_default()
    {
        var routing = Cluster.From(Class("a", true) + Class("b", true) + "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n").Ingress;
        Assert.Equal(IngressClassSource.AmbiguousDefault, Assert.Single(routing.Ingresses).Class.Source);
        Assert.Equal(["a", "b"], routing.DefaultClasses.Select(c => c.Name));
    }

    [Theory]
    [InlineData("Prefix", "/", null)]
    [InlineData("Exact", "/a/b", null)]
    [InlineData("ImplementationSpecific", "", null)]
    [InlineData("ImplementationSpecific", "/(.*)", null)]
    [InlineData("ImplementationSpecific", "api", "must be an absolute path")]
    [InlineData("prefix", "/", "unsupported pathType \"prefix\"")]
    [InlineData("Prefix", "", "must be an absolute path")]
    [InlineData("Prefix", "a", "must be an absolute path")]
    [InlineData("Prefix", "/a//b", "must not contain '//'")]
    [InlineData("Exact", "/a/./b", "must not contain '/./'")]
    [InlineData("Exact", "/a%2Fb", "must not contain '%2F'")]
    [InlineData("Prefix", "/a/..", "cannot end with '/..'")]
    [InlineData("Prefix", "/a/.", "cannot end with '/.'")]
    public void Paths_are_validated_like_the_api_server(string type, string path, string? rejection)
    {
        var yaml = $"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {"{name: a}"}
            spec:
              rules:
                - http:
                    paths:
                      - {"{"}path: "{path}", pathType: {type}, backend: {"{service: {name: web, port: {number: 80}}}}"}
            """;
        var ingress = Cluster.From(yaml).Objects.OfType<IngressObject>().Single();
        Assert.Equal(rejection, IngressPaths.Rejection(ingress, ingress.Paths.Single()));
    }

    [Theory]
    [InlineData("{service: {name: web, port: {number: 80}}}", false)]
    [InlineData("{service: {name: web, port: {number: 80, name: http}}}", true)]
    [InlineData("{service: {name: web, port: {number: 0}}}", true)]
    [InlineData("{service: {name: web}}", true)]
    [InlineData("{serviceName: web, servicePort: 80}", true)]
    [InlineData("{service: {name: web, port: {number: 80}}, resource: {kind: Bucket, name: b}}", true)]
    public void A_backend_the_api_server_rejects_is_not_resolved(string backend, bool rejected)
    {
        var ingress = $"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {"{name: a}"}
            spec:
              defaultBackend: {backend}
            """;
        var route = Assert.Single(Assert.Single(Cluster.From(App + ingress).Ingress.Ingresses).Routes);
        Assert.Equal(rejected, route.BackendRejected);
        Assert.Equal(rejected, route.Service is null);
    }
}
