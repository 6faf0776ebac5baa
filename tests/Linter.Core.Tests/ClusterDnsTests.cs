using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Tests;

public sealed class ClusterDnsTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: test}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: data, namespace: prod}
        spec: {selector: {app: data}, ports: [{port: 5432}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: prod, namespace: test}
        spec: {clusterIP: None, selector: {app: mirror}, ports: [{port: 5432}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: mirror, namespace: test, labels: {app: mirror}}
        spec:
          hostname: data
          subdomain: prod
          containers: [{name: pg, image: postgres}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nginx, namespace: test}
        spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: test}
        spec:
          serviceName: nginx
          replicas: 2
          ordinals: {start: 1}
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: nginx, image: nginx}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: test}
        spec: {type: ExternalName, externalName: db.example.com}
        """;

    private static DnsAnswer Resolve(string name, string from, SimulationOptions? options = null) =>
        Linter.Core.Tests.Cluster.From(Cluster, options).Dns.Resolve(name, from);

    [Fact]
    public void The_search_list_is_tried_in_order_with_ndots_5()
    {
        var dns = Linter.Core.Tests.Cluster.From(Cluster).Dns;
        Assert.Equal(
            ["a.b.test.svc.cluster.local", "a.b.svc.cluster.local", "a.b.cluster.local", "a.b"],
            dns.Candidates("a.b", "test", []));
        Assert.Equal(["a.b.c.d.e.f", "a.b.c.d.e.f.test.svc.cluster.local", "a.b.c.d.e.f.svc.cluster.local", "a.b.c.d.e.f.cluster.local"], dns.Candidates("a.b.c.d.e.f", "test", []));
        Assert.Equal(["x.y.svc.cluster.local"], dns.Candidates("x.y.svc.cluster.local.", "test", []));
        Assert.Equal("x.corp.example", dns.Candidates("x", "test", ["corp.example"]).ElementAt(3));
    }

    [Fact]
    public void A_short_name_resolves_only_in_the_pods_own_namespace()
    {
        Assert.Equal(DnsOutcome.Service, Resolve("data", "prod").Outcome);
        Assert.Equal(DnsOutcome.External, Resolve("data", "test").Outcome);
    }

    [Fact]
    public void Name_dot_namespace_reaches_a_service_of_another_namespace()
    {
        var answer = Resolve("data.prod", "prod");
        Assert.Equal(DnsOutcome.Service, answer.Outcome);
        Assert.Equal("prod", answer.Service!.Namespace);
        Assert.Equal("data.prod.prod.svc.cluster.local", answer.Steps[0].Query);
    }

    [Fact]
    public void A_headless_pod_record_of_the_own_namespace_shadows_the_cross_namespace_service()
    {
        var answer = Resolve("data.prod", "test");
        Assert.Equal(DnsOutcome.Pod, answer.Outcome);
        Assert.Equal("data", answer.Pod!.Hostname);
        Assert.Equal("prod", answer.Pod.Service.Name);
        Assert.Single(answer.Steps);
    }

    [Fact]
    public void Fully_qualified_names_and_the_svc_form_resolve()
    {
        Assert.Equal(DnsOutcome.Service, Resolve("data.prod.svc", "test").Outcome);
        Assert.Equal(DnsOutcome.Service, Resolve("data.prod.svc.cluster.local", "test").Outcome);
        Assert.Equal(DnsOutcome.Service, Resolve("data.prod.svc.cluster.local.", "test").Outcome);
    }

    [Fact]
    public void Statefulset_pods_resolve_by_ordinal_from_the_start_ordinal()
    {
        Assert.Equal(DnsOutcome.Pod, Resolve("web-1.nginx", "test").Outcome);
        Assert.Equal(DnsOutcome.Pod, Resolve("web-2.nginx.test.svc.cluster.local", "prod").Outcome);
        var missing = Resolve("web-0.nginx", "test");
        Assert.Equal(DnsOutcome.NotFound, missing.Outcome);
        Assert.Equal((1, 2), (missing.Ordinal!.First, missing.Ordinal.Last));
    }

    [Fact]
    public void A_missing_service_in_a_known_namespace_is_not_found()
    {
        var answer = Resolve("ledger.prod", "test");
        Assert.Equal(DnsOutcome.NotFound, answer.Outcome);
        Assert.Equal(new DnsMiss(MissKind.Service, "prod", "ledger"), answer.Miss);
    }

    [Fact]
    public void Names_in_unknown_namespaces_and_outside_the_cluster_are_never_not_found()
    {
        Assert.Equal(DnsOutcome.UnknownNamespace, Resolve("data.staging.svc", "test").Outcome);
        Assert.Equal(DnsOutcome.External, Resolve("data.staging", "test").Outcome);
        Assert.Equal(DnsOutcome.External, Resolve("api.example.com", "test").Outcome);
        Assert.Equal(DnsOutcome.External, Resolve("ledger", "test").Outcome);
    }

    [Fact]
    public void Built_in_services_exist_without_being_in_the_input()
    {
        Assert.Equal("kubernetes", Resolve("kubernetes.default", "test").BuiltIn!.Name);
        Assert.Equal("kube-dns", Resolve("kube-dns.kube-system.svc.cluster.local", "prod").BuiltIn!.Name);
    }

    [Fact]
    public void External_name_services_resolve_as_aliases()
    {
        var answer = Resolve("legacy", "test");
        Assert.True(answer.Service!.IsExternalName);
        Assert.False(answer.IsVirtualIp);
    }

    [Fact]
    public void The_cluster_domain_is_configurable()
    {
        var options = new SimulationOptions { ClusterDomain = "corp.internal" };
        Assert.Equal(DnsOutcome.Service, Resolve("data.prod.svc.corp.internal", "test", options).Outcome);
        Assert.Equal(DnsOutcome.External, Resolve("data.prod.svc.cluster.local", "test", options).Outcome);
    }

    private const string CorefileConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: coredns, namespace: kube-system}
        data:
          Corefile: |
            # zones of the cluster
            .:53 {
                kubernetes corp.internal in-addr.arpa ip6.arpa {
                   pods insecure
                }
                forward . /etc/resolv.conf
            }
        ---

        """;

    [Fact]
    public void Without_a_configured_domain_the_zone_of_the_inputs_Corefile_is_the_cluster_domain()
    {
        var snapshot = Linter.Core.Tests.Cluster.From(CorefileConfigMap + Cluster);
        Assert.Equal("corp.internal", snapshot.Dns.Domain);
        Assert.Equal(["corp.internal"], snapshot.Dns.Corefile!.Zones);
        Assert.Equal((8, 20), (snapshot.Dns.Corefile.Span.Line, snapshot.Dns.Corefile.Span.Column));
        Assert.Equal(DnsOutcome.Service, snapshot.Names.Resolve("data.prod.svc.corp.internal", "test").Outcome);
        Assert.Equal(DnsOutcome.External, snapshot.Names.Resolve("data.prod.svc.cluster.local", "test").Outcome);
    }

    [Fact]
    public void A_configured_domain_wins_over_the_Corefile()
    {
        var snapshot = Linter.Core.Tests.Cluster.From(CorefileConfigMap + Cluster, new SimulationOptions { ClusterDomain = "cluster.local" });
        Assert.True(snapshot.Options.ClusterDomainConfigured);
        Assert.Equal("cluster.local", snapshot.Dns.Domain);
        Assert.Equal("corp.internal", snapshot.Dns.Corefile!.Zone);
        Assert.False(new SimulationOptions().ClusterDomainConfigured);
    }

    [Fact]
    public void A_ping_target_address_is_answered_by_the_Service_that_declares_it_as_cluster_IP()
    {
        var snapshot = Linter.Core.Tests.Cluster.From("""
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {clusterIP: 10.96.120.15, selector: {app: web}, ports: [{port: 80}]}
            """);
        Assert.Equal("web", snapshot.Dns.ResolveAddress("10.96.120.15").Service!.Name);
        Assert.Equal(DnsOutcome.External, snapshot.Dns.ResolveAddress("10.96.120.16").Outcome);
    }

    [Fact]
    public void A_pod_naming_many_hosts_keeps_one_reference_per_place_also_past_the_scanned_few()
    {
        // Eight names in the environment, then a ping probe: its target is found both as the program's host and as a
        // dotted value, and is kept once (as the ping target) also when the references are looked up by an index.
        var env = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"            - {{name: HOST_{i}, value: svc{i}.prod}}"));
        var snapshot = Linter.Core.Tests.Cluster.From($$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: prod}
            spec:
              containers:
                - name: app
                  image: busybox
                  env:
            {{env}}
                  readinessProbe:
                    exec: {command: [ping, -c, "1", db.prod]}
            """);
        var references = snapshot.Names.UsedBy(snapshot.PodTemplates[0]).ToList();
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"svc{i}.prod"), "db.prod"], references.Select(r => r.Host));
        Assert.True(references[^1].IsPingTarget);
        Assert.Equal(9, references.Select(r => r.Span).Distinct().Count());
    }
}
