namespace Linter.Rules.Tests;

/// <summary>
/// KL801–KL809 with every rule on. RULES.md ground rule 4: a Service field the API server rejects is left out of the
/// simulation, so each defect is one finding; the lines marked below would carry another rule's finding without that.
/// Also the version-dependent canonical IP and CIDR forms (StrictIPCIDRValidation).
/// </summary>
public sealed class ServiceValidationTests
{
    /// <summary>One object of namespace shop: five lines, <c>spec</c> (a flow mapping) on the fourth.</summary>
    private static string Doc(string apiVersion, string kind, string name, string spec) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: {name}, namespace: shop}}\nspec: {spec}\n---\n";

    private static string Pods(string kind, string name, string podSpec, string extra = "") =>
        Doc("apps/v1", kind, name, $"{{{extra}selector: {{matchLabels: {{app: {name}}}}}, template: {{metadata: {{labels: {{app: {name}}}}}, spec: {podSpec}}}}}");

    /// <summary>
    /// Namespace shop (lines 1–4); Deployment web whose pods set <c>subdomain: cache</c> (spec on line 8); StatefulSet db
    /// governed by <c>peers</c> (13); StatefulSet queue governed by <c>alias</c> (18). The test's objects follow, their
    /// specs on lines 23 and 28.
    /// </summary>
    private static readonly string Shop = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
        Pods("Deployment", "web", "{subdomain: cache, containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}") +
        Pods("StatefulSet", "db", "{containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]}", "serviceName: peers, ") +
        Pods("StatefulSet", "queue", "{containers: [{name: queue, image: rabbitmq}]}", "serviceName: alias, ");

    private static IEnumerable<Linter.Core.Rules.Finding> Lint(string objects) => Expectations.LintWithConfig(Shop + objects);

    private static List<string> Ids(IEnumerable<Linter.Core.Rules.Finding> findings) => findings.Select(f => $"{f.RuleId}@{f.Location.Line}").ToList();

    [Fact]
    public void A_rejected_type_silences_the_checks_that_depend_on_the_type()
    {
        // Without the silencing: KL206 on the nodePort (the type read as ClusterIP), KL105 on the selector-less alias.
        var findings = Lint(
            Doc("v1", "Service", "web", "{type: Nodeport, selector: {app: web}, ports: [{port: 80, targetPort: 8080, nodePort: 30080}]}") +
            Doc("v1", "Service", "mail", "{type: Externalname, externalName: mail.example.com}"));
        Assert.Equal(["KL801@23", "KL801@28"], Ids(findings.Where(f => f.RuleId is not "KL402" and not "KL404")));
    }

    [Fact]
    public void Rejected_cluster_IPs_say_nothing_about_headlessness()
    {
        // Without the silencing: KL403 (peers read as not headless) and KL404 (cache read as not headless).
        var findings = Lint(
            Doc("v1", "Service", "peers", "{clusterIP: None, clusterIPs: [None, 10.96.0.10], selector: {app: db}, ports: [{port: 5432}]}") +
            Doc("v1", "Service", "cache", "{clusterIP: none, selector: {app: web}, ports: [{port: 8080}]}"));
        Assert.Equal(["KL402@18", "KL802@23", "KL802@28"], Ids(findings.Where(f => f.RuleId.StartsWith("KL4", StringComparison.Ordinal) || f.RuleId == "KL802")));
    }

    [Fact]
    public void An_ExternalName_Service_with_clusterIP_None_stays_an_alias_and_is_not_headless()
    {
        // Without the silencing the alias would count as a headless governing Service that selects no pod (KL405).
        var findings = Lint(Doc("v1", "Service", "alias", "{type: ExternalName, externalName: queue.example.com, clusterIP: None, selector: {app: queue}}"));
        Assert.Equal(["KL403@18", "KL804@23"], Ids(findings.Where(f => f.RuleId is "KL403" or "KL405" or "KL804")));
    }

    [Theory]
    [InlineData("{selector: {app: web}}", "KL805")]
    [InlineData("{type: Externalname, externalName: web.example.com}", "KL801")]
    public void A_Service_without_ports_or_with_an_unknown_type_is_the_root_cause_for_its_Ingress_backends(string spec, string rule)
    {
        // Without the silencing: KL602 on the backend's port number.
        var findings = Lint(
            Doc("v1", "Service", "web", spec) +
            Doc("networking.k8s.io/v1", "Ingress", "shop", "{defaultBackend: {service: {name: web, port: {number: 80}}}}"));
        Assert.Equal([$"{rule}@23"], Ids(findings.Where(f => f.RuleId.StartsWith("KL6", StringComparison.Ordinal) || f.RuleId is "KL801" or "KL805")));
    }

    [Theory]
    [InlineData("198.51.100.10", "KL708")]
    [InlineData("127.0.0.1", "KL808")]
    public void A_rejected_external_IP_does_not_expose_the_Service(string address, string expected)
    {
        var findings = Lint(
            Doc("networking.k8s.io/v1", "NetworkPolicy", "deny", "{podSelector: {}, policyTypes: [Ingress]}") +
            Doc("v1", "Service", "web", $"{{selector: {{app: web}}, externalIPs: [{address}], ports: [{{port: 80, targetPort: 8080}}]}}"));
        Assert.Equal([$"{expected}@28"], Ids(findings.Where(f => f.RuleId is "KL708" or "KL808")));
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

    [Theory]
    [InlineData("", "KL308", "a DNS-1035 label; Kubernetes 1.36 and later also accept a leading digit")]
    [InlineData("cluster: {kubernetesVersion: 1.35}", "KL308", "a DNS-1035 label; Kubernetes 1.36 and later also accept a leading digit")]
    [InlineData("cluster: {kubernetesVersion: 1.36}", null, null)]
    public void A_Service_name_with_a_leading_digit_is_accepted_from_1_36(string config, string? rule, string? message)
    {
        var findings = Expectations.LintWithConfig("apiVersion: v1\nkind: Service\nmetadata: {name: 3scale}\nspec:\n  ports: [{port: 80}]\n", config)
            .Where(f => f.RuleId == "KL308").ToList();
        Assert.Equal(rule is null ? [] : [rule], findings.Select(f => f.RuleId));
        if (message is not null)
        {
            Assert.Contains(message, findings[0].Message);
        }
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("cluster: {kubernetesVersion: 1.36}", false)]
    public void An_Ingress_backend_naming_a_Service_with_a_leading_digit_is_accepted_from_1_36(string config, bool rejected)
    {
        var yaml = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  defaultBackend: {service: {name: 3scale, port: {number: 80}}}\n";
        var findings = Expectations.LintWithConfig(yaml, config).Where(f => f.RuleId == "KL817").ToList();
        Assert.Equal(rejected, findings.Count == 1);
        Assert.True(findings.Count <= 1);
    }

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
