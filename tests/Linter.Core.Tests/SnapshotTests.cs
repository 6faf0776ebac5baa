using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class SnapshotTests
{
    private static string NodePortService(string name, string ports, string ns = "default") => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: {{name}}, namespace: {{ns}}}
        spec:
          type: NodePort
          selector: {app: x}
          ports:
        {{ports}}
        ---

        """;

    [Fact]
    public void A_snapshot_answers_for_its_services_and_templates_after_another_snapshot_lists_them_at_other_positions()
    {
        const string Containers = """
                  containers:
                    - name: app
                      image: app
            """;
        var yaml = Cluster.Deployment("a", "{app: a}", Containers) + Cluster.Deployment("b", "{app: b}", Containers) +
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n" +
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {selector: {app: b}, ports: [{port: 81}]}\n";
        var first = Cluster.From(yaml);
        var resolutions = first.Services.Select(first.Resolve).ToList();
        var serviceValidity = first.Services.Select(first.Validity).ToList();
        var podValidity = first.PodTemplates.Select(first.Validity).ToList();

        // The same objects, listed in the opposite order: each Service and template takes its position in the second.
        var second = new ClusterSnapshot(first.Files, first.Objects.Reverse().ToList(), first.Options);

        Assert.Equal(first.Services.Reverse(), second.Services);
        Assert.Equal(first.PodTemplates.Reverse(), second.PodTemplates);
        for (var i = 0; i < first.Services.Count; i++)
        {
            Assert.Same(resolutions[i], first.Resolve(first.Services[i]));
            Assert.Same(serviceValidity[i], first.Validity(first.Services[i]));
            Assert.NotSame(resolutions[i], second.Resolve(first.Services[i]));
            Assert.Same(first.Services[i], second.Resolve(first.Services[i]).Service);
        }

        Assert.Equal(podValidity, first.PodTemplates.Select(first.Validity));
        Assert.Equal(["a", "b"], first.Services.Select(s => first.Resolve(s).Selected.Single().Owner.Name));
        Assert.Equal(["b", "a"], second.Services.Select(s => second.Resolve(s).Selected.Single().Owner.Name));
    }

    [Fact]
    public void A_service_and_a_template_listed_twice_are_answered_for_at_either_place()
    {
        var yaml = Cluster.Deployment("a", "{app: a}", "      containers:\n        - name: app\n          image: app\n") +
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n";
        var once = Cluster.From(yaml);

        // One object given twice (the API server would keep the later copy; the simulation sees both places).
        var twice = new ClusterSnapshot(once.Files, [.. once.Objects, .. once.Objects], once.Options);

        Assert.Equal(2, twice.Services.Count);
        Assert.Same(twice.Services[0], twice.Services[1]);
        Assert.Equal("a", twice.Resolve(twice.Services[0]).Selected.Single().Owner.Name);
        Assert.NotNull(twice.Validity(twice.Services[0]));
        Assert.NotNull(twice.Validity(twice.PodTemplates[0]));
    }

    [Fact]
    public void Node_ports_collide_across_services_and_namespaces_whatever_the_protocol()
    {
        var cluster = Cluster.From(
            NodePortService("a", "    - {port: 80, nodePort: 30080}") +
            NodePortService("b", "    - {port: 80, nodePort: 30080, protocol: UDP}", ns: "other"));
        var owner = cluster.NodePorts.ConflictOf(cluster.Service("b").Ports[0]);
        Assert.Equal("a", owner!.Service.Name);
        Assert.Null(cluster.NodePorts.ConflictOf(cluster.Service("a").Ports[0]));
    }

    [Fact]
    public void One_service_may_share_a_node_port_between_tcp_and_udp_of_the_same_port_only()
    {
        var cluster = Cluster.From(
            NodePortService("dns", "    - {name: u, port: 53, protocol: UDP, nodePort: 30053}\n    - {name: t, port: 53, protocol: TCP, nodePort: 30053}") +
            NodePortService("bad", "    - {name: a, port: 80, nodePort: 30090}\n    - {name: b, port: 81, protocol: UDP, nodePort: 30090}"));
        Assert.Null(cluster.NodePorts.ConflictOf(cluster.Service("dns").Ports[1]));
        Assert.Same(cluster.Service("bad").Ports[0], cluster.NodePorts.ConflictOf(cluster.Service("bad").Ports[1])!.Port);
    }

    [Fact]
    public void Node_ports_outside_the_configured_range_are_not_allocated()
    {
        var yaml = NodePortService("a", "    - {port: 80, nodePort: 8080}") + NodePortService("b", "    - {port: 80, nodePort: 8080}");
        Assert.Null(Cluster.From(yaml).NodePorts.ConflictOf(Cluster.From(yaml).Service("b").Ports[0]));
        var wide = Cluster.From(yaml, new SimulationOptions { NodePortRange = new PortRange(1, 65535) });
        Assert.NotNull(wide.NodePorts.ConflictOf(wide.Service("b").Ports[0]));
    }

    [Fact]
    public void Objects_without_namespace_go_to_the_default_namespace()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
        Assert.Equal("default", Cluster.From(yaml).Objects[0].Namespace);
        Assert.Equal("team", Cluster.From(yaml, new SimulationOptions { DefaultNamespace = "team" }).Objects[0].Namespace);
    }

    [Fact]
    public void A_namespace_is_owned_through_a_namespace_object_or_workloads_in_it_and_exists_through_any_object()
    {
        const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: NAME, namespace: apps}\nspec: {selector: {matchLabels: {app: NAME}}, template: {metadata: {labels: {app: NAME}}, spec: {containers: [{name: c, image: i}]}}}\n---\n";
        var cluster = Cluster.From(
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: declared}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: monitoring}\n---\n" +
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: monitoring}\n---\n" +
            Deployment.Replace("NAME", "web") + Deployment.Replace("NAME", "api").Replace("apps}", "solo}"));
        Assert.True(cluster.OwnsNamespace("declared"));
        Assert.True(cluster.OwnsNamespace("apps"));
        Assert.False(cluster.OwnsNamespace("monitoring"));
        Assert.True(cluster.HasNamespace("monitoring"));
        var solo = cluster.Objects.Single(o => o.Name == "api");
        Assert.True(cluster.OwnsNamespace("solo"));
        Assert.False(cluster.OwnsNamespace("solo", besides: solo));
        Assert.False(cluster.OwnsNamespace("elsewhere"));
        Assert.False(cluster.HasNamespace("elsewhere"));
        Assert.False(Cluster.From(Deployment.Replace("NAME", "web"), new SimulationOptions { ExternalNamespaces = ["apps"] }).OwnsNamespace("apps"));
    }

    [Fact]
    public void Manual_endpoints_and_labelled_endpoint_slices_count_for_their_service()
    {
        var cluster = Cluster.From("""
            apiVersion: v1
            kind: Service
            metadata: {name: a}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: b}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: a}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: b-1, labels: {kubernetes.io/service-name: b}}
            addressType: IPv4
            """);
        Assert.True(cluster.HasManualEndpoints(cluster.Service("a")));
        Assert.True(cluster.HasManualEndpoints(cluster.Service("b")));
    }

    [Theory]
    [InlineData("{matchLabels: {app: web}}", true)]
    [InlineData("{matchLabels: {app: api}}", false)]
    [InlineData("{matchExpressions: [{key: tier, operator: In, values: [front, edge]}]}", true)]
    [InlineData("{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}", false)]
    [InlineData("{matchExpressions: [{key: canary, operator: DoesNotExist}]}", true)]
    [InlineData("{matchExpressions: [{key: canary, operator: Exists}]}", false)]
    public void Workload_label_selectors_evaluate_every_operator(string selector, bool matches)
    {
        var cluster = Cluster.From($"""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {"{name: rs}"}
            spec:
              selector: {selector}
              template:
                metadata: {"{labels: {app: web, tier: front}}"}
                spec: {"{containers: [{name: c, image: nginx}]}"}
            """);
        var workload = (WorkloadObject)cluster.Objects[0];
        Assert.Equal(matches, workload.Selector!.Matches(workload.Template!.LabelValues));
    }

    [Fact]
    public void Cluster_scoped_objects_have_no_namespace_in_their_identity()
    {
        var cluster = Cluster.From("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        Assert.Equal(new ObjectKey("storage.k8s.io", "StorageClass", string.Empty, "fast"), cluster.Objects[0].Key);
        Assert.Equal(new ObjectKey(string.Empty, "ConfigMap", "default", "c"), cluster.Objects[1].Key);
    }
}
