using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class ServiceResolutionTests
{
    private const string Web = """
              containers:
                - name: web
                  image: nginx
                  ports:
                    - {name: http, containerPort: 8080}
                    - {name: dns, containerPort: 53, protocol: UDP}
              initContainers:
                - name: proxy
                  image: envoy
                  restartPolicy: Always
                  ports:
                    - {name: admin, containerPort: 9901}
                - name: migrate
                  image: migrate
                  ports:
                    - {name: migrate, containerPort: 7000}
        """;

    private static string Svc(string name, string selector, string ports) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
        spec:
          selector: {selector}
          ports:
        {ports}
        ---

        """;

    private static PortResolution Resolve(string ports, string selector = "{app: web}")
    {
        var cluster = Cluster.From(Cluster.Deployment("web", "{app: web}", Web) + Svc("svc", selector, ports));
        return Assert.Single(cluster.Resolve(cluster.Service("svc")).Ports);
    }

    [Fact]
    public void A_named_target_port_resolves_by_name_and_protocol()
    {
        var backend = Assert.Single(Resolve("    - {port: 80, targetPort: http}").Backends);
        Assert.Equal(8080, backend.TargetNumber);
        Assert.Equal("web", backend.Container!.Name);
    }

    [Fact]
    public void A_named_target_port_of_another_protocol_does_not_resolve()
    {
        var backend = Assert.Single(Resolve("    - {port: 53, targetPort: dns}").Backends);
        Assert.Null(backend.TargetNumber);
    }

    [Fact]
    public void A_named_target_port_is_found_on_a_sidecar_but_not_on_a_plain_init_container()
    {
        Assert.Equal(9901, Assert.Single(Resolve("    - {port: 80, targetPort: admin}").Backends).TargetNumber);
        Assert.Null(Assert.Single(Resolve("    - {port: 80, targetPort: migrate}").Backends).TargetNumber);
    }

    [Fact]
    public void Without_target_port_the_port_number_is_the_target()
    {
        var backend = Assert.Single(Resolve("    - {port: 8080}").Backends);
        Assert.Equal(8080, backend.TargetNumber);
        Assert.NotNull(backend.Declared);
    }

    [Fact]
    public void A_numeric_target_declared_only_for_another_protocol_is_noted()
    {
        var backend = Assert.Single(Resolve("    - {port: 53, protocol: TCP}").Backends);
        Assert.Null(backend.Declared);
        Assert.Equal("UDP", backend.OtherProtocol!.Protocol);
    }

    [Fact]
    public void Selection_is_an_equality_match_on_every_pair_in_the_same_namespace()
    {
        var yaml = Cluster.Deployment("a", "{app: web, tier: front}", Web) + Cluster.Deployment("b", "{app: web, tier: back}", Web)
            + Svc("front", "{app: web, tier: front}", "    - {port: 80}")
            + Svc("all", "{app: web}", "    - {port: 80}")
            + Svc("none", "{app: api}", "    - {port: 80}");
        var cluster = Cluster.From(yaml);
        Assert.Equal(["Deployment a"], cluster.Resolve(cluster.Service("front")).Selected.Select(t => t.Owner.ToString()));
        Assert.Equal(2, cluster.Resolve(cluster.Service("all")).Selected.Count);
        Assert.Empty(cluster.Resolve(cluster.Service("none")).Selected);
    }

    [Fact]
    public void A_service_does_not_select_pods_of_another_namespace()
    {
        var cluster = Cluster.From(Cluster.Deployment("web", "{app: web}", Web).Replace("  name: web\n", "  name: web\n  namespace: other\n")
            + Svc("svc", "{app: web}", "    - {port: 80}"));
        Assert.Empty(cluster.Resolve(cluster.Service("svc")).Selected);
    }

    [Fact]
    public void Statefulset_pods_carry_their_pod_name_label()
    {
        var yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              replicas: 2
              ordinals: {start: 5}
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres}]
            ---

            """ + Svc("db-5", "{statefulset.kubernetes.io/pod-name: db-5}", "    - {port: 5432}")
                + Svc("db-0", "{statefulset.kubernetes.io/pod-name: db-0}", "    - {port: 5432}");
        var cluster = Cluster.From(yaml);
        Assert.Single(cluster.Resolve(cluster.Service("db-5")).Selected);
        Assert.Empty(cluster.Resolve(cluster.Service("db-0")).Selected);
    }

    [Fact]
    public void A_selector_on_an_unknowable_controller_label_is_flagged_and_ignored()
    {
        var cluster = Cluster.From(Cluster.Deployment("web", "{app: web}", Web) + Svc("svc", "{app: web, pod-template-hash: abc123}", "    - {port: 80}"));
        var resolution = cluster.Resolve(cluster.Service("svc"));
        Assert.True(resolution.UsesUnknowableLabels);
        Assert.Single(resolution.Selected);
    }

    [Fact]
    public void Pods_of_the_services_own_folder_are_preferred_over_copies_elsewhere()
    {
        var deployment = Cluster.Deployment("web", "{app: web}", Web);
        var cluster = Cluster.FromFiles(
            ("v1/app.yaml", deployment + Svc("svc", "{app: web}", "    - {port: 80}")),
            ("v2/app.yaml", deployment));
        var selected = Assert.Single(cluster.Resolve(cluster.Service("svc")).Selected);
        Assert.Equal("v1/app.yaml", selected.Owner.Document.File.Path);
    }

    [Fact]
    public void Pods_in_other_folders_are_used_when_the_own_folder_has_none()
    {
        var cluster = Cluster.FromFiles(
            ("deployments/web.yaml", Cluster.Deployment("web", "{app: web}", Web)),
            ("services/web.yaml", Svc("svc", "{app: web}", "    - {port: 80}")));
        Assert.Single(cluster.Resolve(cluster.Service("svc")).Selected);
    }

    [Fact]
    public void Of_copies_in_other_folders_the_closest_folder_wins()
    {
        var deployment = Cluster.Deployment("web", "{app: web}", Web);
        var cluster = Cluster.FromFiles(
            ("ch03/services/web.yaml", Svc("svc", "{app: web}", "    - {port: 80}")),
            ("ch03/workloads/web.yaml", deployment),
            ("ch04/workloads/web.yaml", deployment));
        var selected = Assert.Single(cluster.Resolve(cluster.Service("svc")).Selected);
        Assert.Equal("ch03/workloads/web.yaml", selected.Owner.Document.File.Path);
    }
}
