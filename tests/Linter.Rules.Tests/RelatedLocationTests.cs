using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>A finding whose fix is in another object points at that object too.</summary>
public sealed class RelatedLocationTests
{
    [Fact]
    public void KL301_points_at_the_Service_in_the_other_namespace()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: payments-api, namespace: payments}\nspec:\n  selector: {app: payments}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          env: [{name: PAYMENTS_URL, value: \"http://payments-api/v1\"}]\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL301")!, InputSource.FromText("app.yaml", yaml), "/"));
        var related = Assert.Single(finding.Related);
        Assert.Equal(3, related.Span.Line);
        Assert.Equal("Service payments-api in namespace payments", related.Message);
    }

    [Fact]
    public void KL403_points_at_the_Service_to_make_headless()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: 10.96.0.12\n  selector: {app: db}\n  ports: [{port: 5432}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres}]}\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL403")!, InputSource.FromText("db.yaml", yaml), "/"));
        var related = Assert.Single(finding.Related);
        Assert.Equal(5, related.Span.Line);
        Assert.Contains("set `clusterIP: None` here", related.Message);
    }

    [Fact]
    public void KL101_on_a_Service_behind_an_Ingress_and_a_route_names_the_requests_that_will_fail()
    {
        const string yaml =
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: api}]}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: apii}\n  ports: [{port: 80}]\n---\n" +
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n" +
            "          - path: /api\n            pathType: Prefix\n            backend: {service: {name: api, port: {number: 80}}}\n---\n" +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: api, namespace: shop}\nspec:\n  rules:\n    - backendRefs:\n        - {name: api, port: 80}\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL101")!, InputSource.FromText("shop.yaml", yaml), "/"));
        Assert.Contains("Requests to shop.example.com/api (Ingress shop) and rule 1 of HTTPRoute api will answer 503", finding.Message);
        Assert.Equal([30, 40], finding.Related.Where(r => r.Message.StartsWith("traffic enters here", StringComparison.Ordinal)).Select(r => r.Span.Line));
    }

    [Fact]
    public void KL203_names_only_the_entries_that_reach_the_broken_service_port()
    {
        const string yaml =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n" +
            "    spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9090}]}]}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports:\n    - {name: web, port: 80, targetPort: htp}\n    - {name: admin, port: 9090, targetPort: admin}\n---\n" +
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop}\nspec:\n  ingressClassName: nginx\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n" +
            "          - path: /api\n            pathType: Prefix\n            backend: {service: {name: api, port: {name: web}}}\n" +
            "          - path: /admin\n            pathType: Prefix\n            backend: {service: {name: api, port: {number: 9090}}}\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL203")!, InputSource.FromText("shop.yaml", yaml), "/"));
        Assert.EndsWith(". Requests to shop.example.com/api (Ingress shop) will answer 503", finding.Message);
        Assert.Equal([28], finding.Related.Where(r => r.Message.StartsWith("traffic enters here", StringComparison.Ordinal)).Select(r => r.Span.Line));
    }

    [Fact]
    public void KL202_names_the_entries_sent_to_an_undeclared_target_port()
    {
        const string yaml =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n" +
            "    spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 8000}]\n---\n" +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: api}\nspec:\n  rules:\n    - backendRefs:\n        - {name: api, port: 80}\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL202")!, InputSource.FromText("shop.yaml", yaml), "/"));
        Assert.EndsWith(". Requests to rule 1 of HTTPRoute api are sent to it", finding.Message);
        Assert.Equal([23], finding.Related.Select(r => r.Span.Line));
    }
}
