namespace Linter.Rules.Tests;

/// <summary>
/// KL801–KL809 with every rule on. RULES.md ground rule 4: a Service field the API server rejects is left out of the
/// simulation, so each defect is one finding; the lines marked below would carry another rule's finding without that.
/// Also the version-dependent canonical IP and CIDR forms (StrictIPCIDRValidation).
/// </summary>
public sealed class ServiceValidationTests
{
    private const string Shop = """
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
            spec:
              subdomain: cache
              containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: peers
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: queue, namespace: shop}
        spec:
          serviceName: alias
          selector: {matchLabels: {app: queue}}
          template:
            metadata: {labels: {app: queue}}
            spec: {containers: [{name: queue, image: rabbitmq}]}
        ---

        """;

    private static List<string> Ids(IEnumerable<Linter.Core.Rules.Finding> findings) => findings.Select(f => $"{f.RuleId}@{f.Location.Line}").ToList();

    [Fact]
    public void A_rejected_type_silences_the_checks_that_depend_on_the_type()
    {
        // Without the silencing: KL206 on the nodePort (the type read as ClusterIP), KL105 on the selector-less alias.
        var yaml = Shop + """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: Nodeport
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080, nodePort: 30080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: mail, namespace: shop}
            spec:
              type: Externalname
              externalName: mail.example.com
            """;
        Assert.Equal(["KL801@40", "KL801@48"], Ids(Expectations.LintWithConfig(yaml).Where(f => f.RuleId is not "KL402" and not "KL404")));
    }

    [Fact]
    public void Rejected_cluster_IPs_say_nothing_about_headlessness()
    {
        // Without the silencing: KL403 (peers read as not headless) and KL404 (cache read as not headless).
        var yaml = Shop + """
            apiVersion: v1
            kind: Service
            metadata: {name: peers, namespace: shop}
            spec:
              clusterIP: None
              clusterIPs: [None, 10.96.0.10]
              selector: {app: db}
              ports: [{port: 5432}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: cache, namespace: shop}
            spec:
              clusterIP: none
              selector: {app: web}
              ports: [{port: 8080}]
            """;
        var findings = Expectations.LintWithConfig(yaml).Where(f => f.RuleId.StartsWith("KL4", StringComparison.Ordinal) || f.RuleId == "KL802");
        Assert.Equal(["KL402@30", "KL802@41", "KL802@49"], Ids(findings));
    }

    [Fact]
    public void An_ExternalName_Service_with_clusterIP_None_stays_an_alias_and_is_not_headless()
    {
        // Without the silencing the alias would count as a headless governing Service that selects no pod (KL405).
        var yaml = Shop + """
            apiVersion: v1
            kind: Service
            metadata: {name: alias, namespace: shop}
            spec:
              type: ExternalName
              externalName: queue.example.com
              clusterIP: None
              selector: {app: queue}
            """;
        var findings = Expectations.LintWithConfig(yaml).Where(f => f.RuleId is "KL403" or "KL405" or "KL804");
        Assert.Equal(["KL403@30", "KL804@42"], Ids(findings));
    }

    [Fact]
    public void A_Service_without_ports_is_the_root_cause_for_its_Ingress_backends()
    {
        // Without the silencing: KL602 on the backend's port number.
        var yaml = Shop + """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec:
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """;
        var findings = Expectations.LintWithConfig(yaml).Where(f => f.RuleId.StartsWith("KL6", StringComparison.Ordinal) || f.RuleId == "KL805");
        Assert.Equal(["KL805@39"], Ids(findings));
    }

    [Theory]
    [InlineData("198.51.100.10", "KL708@46")]
    [InlineData("127.0.0.1", "KL808@47")]
    public void A_rejected_external_IP_does_not_expose_the_Service(string address, string expected)
    {
        var yaml = Shop + $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              externalIPs:
                - {{address}}
              ports: [{port: 80, targetPort: 8080}]
            """;
        Assert.Equal([expected], Ids(Expectations.LintWithConfig(yaml).Where(f => f.RuleId is "KL708" or "KL808")));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("cluster: {kubernetesVersion: 1.35}", null)]
    [InlineData("cluster: {kubernetesVersion: 1.36}", "spec.clusterIPs[0]: Invalid value: \"10.096.0.10\": must not have leading 0s). Write it as `10.96.0.10`")]
    public void A_cluster_IP_with_leading_zeros_is_refused_from_1_36(string config, string? message) =>
        AssertOneFinding(config, "KL802", message, "spec:\n  clusterIP: 10.096.0.10\n  ports: [{port: 80}]\n");

    [Theory]
    [InlineData("", null)]
    [InlineData("cluster: {kubernetesVersion: 1.36}", "spec.externalIPs[0]: Invalid value: \"::ffff:198.51.100.10\": must not be an IPv4-mapped IPv6 address). Write it as `198.51.100.10`")]
    public void An_IPv4_mapped_external_IP_is_refused_from_1_36(string config, string? message) =>
        AssertOneFinding(config, "KL808", message, "spec:\n  externalIPs: [\"::ffff:198.51.100.10\"]\n  ports: [{port: 80}]\n");

    [Theory]
    [InlineData("", null)]
    [InlineData("cluster: {kubernetesVersion: 1.36}", "spec.LoadBalancerSourceRanges[0]: Invalid value: \"10.0.0.5/8\": must not have bits set beyond the prefix length). Write it as `10.0.0.0/8`")]
    public void A_source_range_with_host_bits_is_refused_from_1_36(string config, string? message) =>
        AssertOneFinding(config, "KL809", message, "spec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.5/8]\n  ports: [{port: 80}]\n");

    [Fact]
    public void Session_affinity_config_dropped_by_defaulting_is_a_warning()
    {
        var finding = Assert.Single(Expectations.LintWithConfig("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}\n  ports: [{port: 80}]\n"));
        Assert.Equal(("KL807", Linter.Core.Rules.Severity.Warning), (finding.RuleId, finding.Severity));
    }

    private static void AssertOneFinding(string config, string rule, string? message, string spec)
    {
        var findings = Expectations.LintWithConfig("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n" + spec, config).Where(f => f.RuleId == rule).ToList();
        if (message is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(message, Assert.Single(findings).Message);
        }
    }
}
