using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Simulation;

namespace Linter.Rules.Tests;

/// <summary>
/// RULES.md ground rule 4 for KL810 and KL812–KL816: what they report is left out, so no rule reasons on it. Without
/// the silencing the Service selector would give KL101 and KL105, the workload selector KL103, the policy selectors
/// KL701 (the second one because a rejected pod label would still exclude the pod), the pods' DNS settings KL306, and
/// the subdomains KL404.
/// </summary>
public sealed class PodValidationSilencingTests
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
            metadata:
              labels:
                app: web
                tier: "front end"   # expect: KL810
            spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          selector:
            matchLabels:
              app: "api "   # expect: KL810
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: example/api}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector:
            app: "web server"   # expect: KL810
          ports: [{port: 80}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-server, namespace: shop}
        spec:
          podSelector:
            matchLabels:
              app: "web server"   # expect: KL810
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: untiered, namespace: shop}
        spec:
          podSelector:
            matchExpressions:
              - {key: app, operator: In, values: [web]}
              - {key: tier, operator: DoesNotExist}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: resolver, namespace: shop}
        spec:
          dnsPolicy: None   # expect: KL812
          dnsConfig: {searches: [shop.svc.cluster.local]}
          containers: [{name: app, image: busybox, env: [{name: WEB_URL, value: "http://web.shop:80"}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: custom-dns, namespace: shop}
        spec:
          dnsPolicy: None
          dnsConfig:
            nameservers:
              - dns.google   # expect: KL813
          containers: [{name: app, image: busybox, env: [{name: WEB_URL, value: "http://web.shop:80"}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-0, namespace: shop}
        spec:
          hostname: web-0
          subdomain: web.internal   # expect: KL814
          containers: [{name: web, image: nginx}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1, namespace: shop}
        spec:
          hostname: Web_1   # expect: KL814
          subdomain: peers
          containers: [{name: web, image: nginx}]
        """;

    [Fact]
    public void What_KL810_and_KL812_to_KL816_report_gives_no_other_finding()
    {
        string[] silenced = ["KL101", "KL103", "KL105", "KL306", "KL404", "KL701"];
        var findings = LintAll().Where(f => silenced.Contains(f.RuleId) || f.RuleId.StartsWith("KL81", StringComparison.Ordinal)).ToList();
        var actual = Expectations.Actual(findings);
        Assert.True(Expectations.Parse(Yaml).SetEquals(actual), $"found [{string.Join(", ", actual)}]\n{Expectations.Explain(findings)}");
    }

    /// <summary>Lints <see cref="Yaml"/> with every built-in rule; the cluster DNS address is configured, as KL306 needs for <c>None</c>.</summary>
    private static IReadOnlyList<Linter.Core.Rules.Finding> LintAll() =>
        LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText("shop.yaml", Yaml)],
            Catalog = BuiltInRules.Catalog,
            Policy = RulePolicy.Default,
            Simulation = new SimulationOptions { ClusterDns = "10.96.0.10" },
            WorkingDirectory = "/",
        }).Findings;
}
