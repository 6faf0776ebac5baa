using Linter.Core.Model;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Tests;

/// <summary>
/// The pod fields the API server rejects (<see cref="PodValidation"/>, <see cref="LabelSyntax"/>) are left out of the
/// simulation (RULES.md ground rule 4): each test would see the rejected value used if the silencing were reverted.
/// </summary>
public sealed class PodValidationTests
{
    private const string Namespaces = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: test}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: prod}
        spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
        ---

        """;

    [Fact]
    public void A_rejected_search_domain_is_not_used_to_resolve_the_pods_names()
    {
        var snapshot = Cluster.From(Namespaces + Client("Prod.svc.cluster.local") + "---\n" + Client("prod.svc.cluster.local", "client-ok"));
        Assert.Equal(DnsOutcome.External, Answer(snapshot, "client").Outcome);
        Assert.Same(snapshot.Service("db"), Answer(snapshot, "client-ok").Service);
    }

    [Fact]
    public void The_search_dot_and_underscores_are_accepted_from_1_33_and_rejected_before()
    {
        var yaml = Namespaces + Client("_srv.prod.svc.cluster.local") + "---\n" + Client(".", "root");
        var current = Cluster.From(yaml);
        Assert.All(current.PodTemplates, p => Assert.Empty(current.Validity(p).Rejections));
        var older = Cluster.From(yaml, new SimulationOptions { KubernetesVersion = new Version(1, 32) });
        Assert.All(older.PodTemplates, p => Assert.Equal(PodField.Searches, Assert.Single(older.Validity(p).Rejections).Field));
    }

    [Fact]
    public void Leading_zeros_in_a_nameserver_are_rejected_only_with_strict_IP_validation()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: resolver}
            spec:
              dnsPolicy: None
              dnsConfig: {nameservers: [010.096.000.010]}
              containers: [{name: app, image: busybox}]
            """;
        var current = Cluster.From(yaml);
        Assert.Empty(current.Validity(current.PodTemplates[0]).Rejections);
        var strict = Cluster.From(yaml, new SimulationOptions { KubernetesVersion = PolicyChecks.StrictCidrSince });
        var rejection = Assert.Single(strict.Validity(strict.PodTemplates[0]).Rejections);
        Assert.Contains("must not have leading 0s", rejection.Message);
    }

    [Fact]
    public void A_rejected_host_alias_does_not_answer_its_names()
    {
        var snapshot = Cluster.From("""
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: test}
            spec:
              hostAliases:
                - {ip: 10.0.0.300, hostnames: [legacy.internal]}
                - {ip: 10.0.0.7, hostnames: [cache.internal, Queue.internal]}
              containers:
                - name: app
                  image: busybox
                  env:
                    - {name: LEGACY_URL, value: "http://legacy.internal"}
                    - {name: CACHE_URL, value: "http://cache.internal"}
                    - {name: QUEUE_URL, value: "http://Queue.internal"}
            """);
        var names = snapshot.Names.UsedBy(snapshot.PodTemplates[0]).Select(r => r.Host).ToList();
        Assert.Equal(["legacy.internal", "Queue.internal"], names);
    }

    [Fact]
    public void A_rejected_hostname_or_subdomain_gives_the_pod_no_record()
    {
        var snapshot = Cluster.From(Namespaces + """
            apiVersion: v1
            kind: Pod
            metadata: {name: db-0, namespace: prod, labels: {app: db}}
            spec: {hostname: DB-0, subdomain: db, containers: [{name: db, image: postgres}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db-1, namespace: prod, labels: {app: db}}
            spec: {hostname: db-1, subdomain: db, containers: [{name: db, image: postgres}]}
            """);
        Assert.Null(snapshot.Names.Resolve("DB-0.db", "prod").Pod);
        Assert.NotNull(snapshot.Names.Resolve("db-1.db", "prod").Pod);
    }

    [Fact]
    public void A_rejected_dns_policy_is_unknown_and_an_empty_one_is_ClusterFirst()
    {
        var snapshot = Cluster.From("""
            apiVersion: v1
            kind: Pod
            metadata: {name: a}
            spec: {dnsPolicy: clusterfirst, containers: [{name: app, image: busybox}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: b}
            spec: {dnsPolicy: "", containers: [{name: app, image: busybox}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: c}
            spec: {dnsPolicy: None, dnsConfig: {searches: [example.com]}, containers: [{name: app, image: busybox}]}
            """);
        Assert.Equal([null, "ClusterFirst", null], snapshot.PodTemplates.Select(p => snapshot.Validity(p).DnsPolicy));
    }

    [Fact]
    public void A_rejected_pod_label_is_left_out_of_the_pods_labels()
    {
        var snapshot = Cluster.From("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: "front end", Example.com/role: api}}
                spec: {containers: [{name: web, image: nginx}]}
            """);
        var workload = snapshot.Workloads.Single();
        Assert.Equal(["app"], workload.Template!.LabelValues.Keys);
        Assert.Equal(2, workload.TemplateLabelProblems.Count);
    }

    [Fact]
    public void A_rejected_Service_selector_is_left_out_and_resolve_says_why_there_are_no_endpoints()
    {
        var snapshot = Cluster.From("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: "web server"}, ports: [{port: 80}]}
            """);
        var service = snapshot.Service("web");
        Assert.Null(service.Selector);
        Assert.True(service.SelectorRejected);
        Assert.Equal("the API server rejects the selector (KL102, KL810): the Service is not created", Output.ServiceTable.WhyNoEndpoints(snapshot, service));
    }

    private static DnsAnswer Answer(ClusterSnapshot snapshot, string pod) =>
        snapshot.Names.UsedBy(snapshot.PodTemplates.Single(p => p.Owner.Name == pod)).Single().Answer;

    private static string Client(string search, string name = "client") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{name}}, namespace: test}
        spec:
          dnsConfig: {searches: ["{{search}}"]}
          containers:
            - name: app
              image: busybox
              env: [{name: DB_URL, value: "postgres://db:5432"}]

        """;
}
