using Linter.Core.Simulation;

namespace Linter.Core.Tests;

/// <summary>What the snapshot leaves out of a Service the API server rejects in part (RULES.md ground rule 4).</summary>
public sealed class ServiceValidationTests
{
    private static string Service(string name, string spec) => $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec:\n{spec}  ports: [{{port: 80}}]\n---\n";

    [Fact]
    public void Only_a_valid_cluster_IP_is_exposed_and_rejected_ones_leave_headlessness_unknown()
    {
        var snapshot = Cluster.From(
            Service("fixed", "  clusterIP: 10.96.0.10\n") +
            Service("bad", "  clusterIP: 10.96.300.12\n") +
            Service("mixed", "  clusterIP: None\n  clusterIPs: [None, 10.96.0.11]\n") +
            Service("headless", "  clusterIP: None\n"));

        Assert.Equal("10.96.0.10", snapshot.Service("fixed").ClusterIPNode?.Value);
        Assert.Null(snapshot.Service("bad").ClusterIPNode);
        Assert.True(snapshot.Service("bad").ClusterIPUnknown);
        Assert.False(snapshot.Service("mixed").IsHeadless);
        Assert.True(snapshot.Service("mixed").ClusterIPUnknown);
        Assert.True(snapshot.Service("headless").IsHeadless);
        Assert.False(snapshot.Service("headless").ClusterIPUnknown);
    }

    [Theory]
    [InlineData(null, "10.096.0.10")]
    [InlineData("1.36", null)]
    public void A_non_canonical_cluster_IP_is_left_out_from_1_36(string? version, string? expected)
    {
        var options = version is null ? null : new SimulationOptions { KubernetesVersion = Version.Parse(version) };
        var snapshot = Cluster.From(Service("zeros", "  clusterIP: 10.096.0.10\n"), options);
        Assert.Equal(expected, snapshot.Service("zeros").ClusterIPNode?.Value);
    }

    [Fact]
    public void An_ExternalName_Service_keeps_its_type_and_ignores_its_cluster_IPs()
    {
        var service = Cluster.From("apiVersion: v1\nkind: Service\nmetadata: {name: alias}\nspec: {type: ExternalName, externalName: db.example.com, clusterIP: None}\n").Service("alias");
        Assert.True(service.IsExternalName);
        Assert.False(service.IsHeadless);
        Assert.False(service.ClusterIPUnknown);
    }

    [Fact]
    public void A_rejected_type_is_none_of_the_four()
    {
        var service = Cluster.From(Service("web", "  type: Nodeport\n")).Service("web");
        Assert.False(service.TypeKnown);
        Assert.False(service.AllowsNodePorts);
        Assert.False(service.IsExternalName);
        Assert.False(service.IsExposedOutside);
    }

    [Theory]
    [InlineData("  externalTrafficPolicy: Local\n", null)]
    [InlineData("  type: NodePort\n  externalTrafficPolicy: Local\n", "Local")]
    public void A_rejected_traffic_policy_is_not_read(string spec, string? expected) =>
        Assert.Equal(expected, Cluster.From(Service("web", spec)).Service("web").ExternalTrafficPolicyNode?.Value);

    [Theory]
    [InlineData("[127.0.0.1, 198.51.100.10]", true, "198.51.100.10")]
    [InlineData("[127.0.0.1]", false, "")]
    public void Rejected_external_IPs_do_not_expose_the_Service(string items, bool exposed, string accepted)
    {
        var service = Cluster.From(Service("web", $"  externalIPs: {items}\n")).Service("web");
        Assert.Equal((exposed, accepted), (service.IsExposedOutside, string.Join(",", service.ExternalIPs.Select(ip => ip.Value))));
    }

    [Theory]
    [InlineData("clusterIPs: [10.96.0.10]", "clusterIPs")]
    [InlineData("ipFamilies: [IPv4]", "ipFamilies")]
    [InlineData("ipFamilyPolicy: SingleStack", "ipFamilyPolicy")]
    [InlineData("externalName: db.example.com", "externalName")]
    [InlineData("externalIPs: [192.0.2.10]", "externalIPs")]
    [InlineData("externalTrafficPolicy: Local", "externalTrafficPolicy")]
    [InlineData("internalTrafficPolicy: Local", "internalTrafficPolicy")]
    [InlineData("healthCheckNodePort: 30100", "healthCheckNodePort")]
    [InlineData("sessionAffinity: ClientIP", "sessionAffinity")]
    [InlineData("sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}", "sessionAffinityConfig")]
    [InlineData("loadBalancerSourceRanges: [10.0.0.0/8]", "loadBalancerSourceRanges")]
    [InlineData("allocateLoadBalancerNodePorts: false", "allocateLoadBalancerNodePorts")]
    [InlineData("loadBalancerClass: example.com/lb", "loadBalancerClass")]
    public void A_service_keeps_an_uncommon_field_written_alone(string field, string name)
    {
        var service = Cluster.From(Service("web", $"  type: LoadBalancer\n  {field}\n")).Service("web");
        var written = new Dictionary<string, object?>
        {
            ["clusterIPs"] = service.ClusterIPsKey is null ? null : service.ClusterIPs.Single().Value,
            ["ipFamilies"] = service.IpFamiliesKey is null ? null : service.IpFamilies.Single().Value,
            ["ipFamilyPolicy"] = service.IpFamilyPolicyNode?.Value,
            ["externalName"] = service.ExternalNameNode?.Value,
            ["externalIPs"] = service.ExternalIPsKey is null ? null : service.ExternalIPs.Single().Value,
            ["externalTrafficPolicy"] = service.WrittenExternalTrafficPolicy?.Value,
            ["internalTrafficPolicy"] = service.InternalTrafficPolicyNode?.Value,
            ["healthCheckNodePort"] = service.HealthCheckNodePort?.Value,
            ["sessionAffinity"] = service.SessionAffinityNode?.Value,
            ["sessionAffinityConfig"] = service.SessionAffinityConfigKey is null ? null : service.AffinityTimeout?.Value,
            ["loadBalancerSourceRanges"] = service.SourceRangesKey is null ? null : service.SourceRanges.Single().Value,
            ["allocateLoadBalancerNodePorts"] = service.AllocateNodePortsKey?.Value,
            ["loadBalancerClass"] = service.LoadBalancerClassKey is null ? null : service.LoadBalancerClass?.Value,
        };

        Assert.Equal([name], written.Where(w => w.Value is not null).Select(w => w.Key));
    }

    [Fact]
    public void A_service_without_uncommon_fields_reads_them_as_absent()
    {
        var service = Cluster.From(Service("web", "  selector: {app: web}\n")).Service("web");
        Assert.Empty(service.ClusterIPs);
        Assert.Empty(service.ExternalIPs);
        Assert.Empty(service.WrittenExternalIPs);
        Assert.Empty(service.SourceRanges);
        Assert.Null(service.ExternalTrafficPolicyNode);
        Assert.Null(service.HealthCheckNodePort);
        Assert.Null(service.LoadBalancerClass);
    }
}
