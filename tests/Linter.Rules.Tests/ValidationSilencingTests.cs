using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>
/// RULES.md ground rule 4: a field KL817 reports is left out of the simulation of its Ingress. A rejected backend is
/// not resolved (no KL601, KL602, KL615), a rejected host takes part in no KL605 or KL609 comparison, a rejected class
/// name (or one the annotation contradicts) gives no KL606; a v1 backend written with the v1beta1 keys is one KL817,
/// not also two KL004. Every line below would carry one of those findings without the rule.
/// </summary>
public sealed class ValidationSilencingTests
{
    private const string Yaml = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: blog, namespace: shop}
        spec: {type: ExternalName, externalName: blog.example.net}
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: nginx}
        spec: {controller: k8s.io/ingress-nginx}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: nginx
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
                  - path: /a
                    pathType: Prefix
                    backend:
                      service:
                        name: Web_Frontend   # expect: KL817
                        port: {number: 80}
                  - path: /b
                    pathType: Prefix
                    backend:
                      service:
                        name: blog
                        port:   # expect: KL817
                          name: http
                          number: 80
                  - path: /c
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port: {number: 70000}   # expect: KL817
                  - path: /d
                    pathType: Prefix
                    backend:   # expect: KL817
                      serviceName: missing
                      servicePort: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: promo, namespace: shop}
        spec:
          ingressClassName: nginx
          tls:
            - hosts: [promo.example.com]
          rules:
            - host: Shop.Example.com   # expect: KL817
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {name: http}}}
            - host: promo.example.com:443   # expect: KL817
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: admin, namespace: shop}
        spec:
          ingressClassName: Nginx   # expect: KL817
          defaultBackend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: docs
          namespace: shop
          annotations: {kubernetes.io/ingress.class: nginx}   # expect: KL817
        spec:
          ingressClassName: nginx-internal
          defaultBackend: {service: {name: web, port: {number: 80}}}
        """;

    [Fact]
    public void Fields_KL817_rejects_give_no_other_Ingress_finding()
    {
        var ingressFindings = LintAll().Where(f => f.RuleId == "KL004" || f.RuleId.StartsWith("KL6", StringComparison.Ordinal) || f.RuleId == "KL817").ToList();
        var actual = Expectations.Actual(ingressFindings);
        Assert.True(Expectations.Parse(Yaml).SetEquals(actual), $"found [{string.Join(", ", actual)}]\n{Expectations.Explain(ingressFindings)}");
    }

    [Fact]
    public void The_v1beta1_keys_in_a_v1_backend_are_one_finding_that_names_the_v1_fields()
    {
        var finding = Assert.Single(LintAll(), f => f.RuleId == "KL817" && f.Message.Contains("serviceName", StringComparison.Ordinal));
        Assert.Contains("resource or service backend is required", finding.Message);
        Assert.Contains("`service.name: missing` and `service.port.number: 80`", finding.Message);
    }

    /// <summary>Lints <see cref="Yaml"/> with every built-in rule and the default settings.</summary>
    private static IReadOnlyList<Linter.Core.Rules.Finding> LintAll() =>
        LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText("shop.yaml", Yaml)],
            Catalog = BuiltInRules.Catalog,
            Policy = RulePolicy.Default,
            WorkingDirectory = "/",
        }).Findings;
}
