using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Simulation;

namespace Linter.Rules.Tests;

/// <summary>Each configuration setting changes what the simulation and the rules report.</summary>
public sealed class ConfigurationTests
{
    private const string NodePort = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 31000}]\n";
    private const string Web = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";

    private static IReadOnlyList<string> Lint(string yaml, string config, string path = "app.yaml")
    {
        var (parsed, problems) = ConfigLoader.Parse("/repo/.kubelint.yaml", config, BuiltInRules.Catalog);
        Assert.Empty(problems);
        var result = LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText(path, yaml)],
            Catalog = BuiltInRules.Catalog,
            Policy = new RulePolicy(parsed, new Dictionary<string, RuleSetting>()),
            Simulation = parsed.ApplyTo(new SimulationOptions()),
            WorkingDirectory = "/repo",
        });
        return result.Findings.Select(f => $"{f.RuleId}:{f.Severity.ToString().ToLowerInvariant()}").ToList();
    }

    [Fact]
    public void Node_port_range_changes_kl205()
    {
        Assert.Empty(Lint(NodePort + "---\n" + Web, ""));
        Assert.Equal(["KL205:error"], Lint(NodePort + "---\n" + Web, "cluster: {nodePortRange: 32000-32767}"));
    }

    [Fact]
    public void Rules_can_be_turned_off_or_reported_at_another_severity_by_id_or_slug()
    {
        var yaml = NodePort.Replace("31000", "8080") + "---\n" + Web;
        Assert.Equal(["KL205:error"], Lint(yaml, ""));
        Assert.Empty(Lint(yaml, "rules: {KL205: off}"));
        Assert.Equal(["KL205:note"], Lint(yaml, "rules: {node-port-out-of-range: note}"));
    }

    [Fact]
    public void Overrides_apply_to_the_files_their_globs_match()
    {
        var yaml = NodePort.Replace("31000", "8080") + "---\n" + Web;
        const string Config = "overrides:\n  - files: [\"legacy/**\"]\n    rules: {KL205: warning}\n";
        Assert.Equal(["KL205:warning"], Lint(yaml, Config, "legacy/app.yaml"));
        Assert.Equal(["KL205:error"], Lint(yaml, Config, "current/app.yaml"));
    }

    [Fact]
    public void External_namespaces_are_never_closed_world()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: team}\nspec: {selector: {app: api}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n";
        Assert.Equal(["KL101:warning"], Lint(yaml, ""));
        Assert.Empty(Lint(yaml, "cluster: {externalNamespaces: [team]}"));
    }

    [Fact]
    public void Configured_services_resolve_and_expose_their_ports()
    {
        var yaml = Web.Replace("image: nginx}", "image: nginx, env: [{name: PROM_URL, value: \"http://prometheus.monitoring:9091\"}]}") +
                   "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: grafana, namespace: monitoring}\nspec: {selector: {app: grafana}, ports: [{port: 3000}]}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: monitoring}\n";
        Assert.Contains("KL302:warning", Lint(yaml, ""));
        const string Config = "cluster:\n  services:\n    - {namespace: monitoring, name: prometheus, ports: [9090]}\n";
        Assert.DoesNotContain("KL302:warning", Lint(yaml, Config));
        Assert.Contains("KL303:warning", Lint(yaml, Config));
    }

    [Fact]
    public void Cluster_dns_address_enables_kl306_for_dns_policy_none()
    {
        var yaml = Web.Replace("spec: {containers: [{name: web, image: nginx}]}", "spec: {dnsPolicy: None, dnsConfig: {nameservers: [1.1.1.1]}, containers: [{name: web, image: nginx, args: [\"--api=http://web.default:80\"]}]}")
                   + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n";
        Assert.DoesNotContain("KL306:warning", Lint(yaml, ""));
        Assert.Contains("KL306:warning", Lint(yaml, "cluster: {clusterDNS: 10.96.0.10}"));
    }

    [Fact]
    public void Default_namespace_places_objects_without_one()
    {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {selector: {app: api}, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n" + Web.Replace("name: web}", "name: web, namespace: team}").Replace("app: web", "app: api");
        Assert.Equal(["KL101:warning"], Lint(yaml, ""));
        Assert.Empty(Lint(yaml, "cluster: {defaultNamespace: team}"));
    }

    [Fact]
    public void Cluster_domain_changes_kl304()
    {
        var yaml = Web.Replace("image: nginx}", "image: nginx, env: [{name: API, value: \"web.default.svc.cluster.local\"}]}") + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n";
        Assert.Empty(Lint(yaml, ""));
        Assert.Contains("KL304:warning", Lint(yaml, "cluster: {clusterDomain: corp.internal}"));
    }

    [Theory]
    [InlineData("rulez: {}", 1, 1, "unknown key `rulez`; did you mean `rules`?")]
    [InlineData("rules:\n  KL2O5: off", 2, 3, "unknown rule `KL2O5` in `rules`; did you mean `KL205`?")]
    [InlineData("rules:\n  KL205: loud", 2, 10, "must be one of off, on, error, warning, note")]
    [InlineData("cluster:\n  nodePortRange: 32767-30000", 2, 18, "FIRST-LAST")]
    [InlineData("cluster:\n  clusterDns: 10.0.0.10", 2, 3, "did you mean `clusterDNS`?")]
    [InlineData("cluster:\n  kubernetesVersion: 2.1", 2, 22, "must be a Kubernetes release such as \"1.30\"")]
    [InlineData("cluster:\n  ingressClasses: [Nginx]", 2, 20, "must be a Kubernetes object name")]
    [InlineData("cluster:\n  gatewayClasses:\n    envoy: {dataPlane: inside}", 3, 24, "must be one of inCluster, external")]
    [InlineData("cluster:\n  services:\n    - {name: prom}", 3, 7, "needs `namespace` and `name`")]
    [InlineData("overrides:\n  - rules: {KL101: off}", 2, 5, "needs `files`")]
    [InlineData("cluster:\n  podCIDRs: [10.244.0.0/16, 10.96.0.0]", 2, 29, "`cluster.podCIDRs` items must be address blocks such as 10.244.0.0/16")]
    [InlineData("cluster:\n  dns: {nameSpace: dns}", 2, 9, "unknown key `cluster.dns.nameSpace`; did you mean `namespace`?")]
    [InlineData("cluster:\n  networkPolicy: {enforced: maybe}", 2, 29, "`cluster.networkPolicy.enforced` must be true or false")]
    [InlineData("cluster:\n  namespaces:\n    kube-system: {labels: {name: 7}}", 3, 34, "`cluster.namespaces.kube-system.labels.name` must be a string")]
    [InlineData("include: 3", 1, 10, "`include` must be a string or a list")]
    [InlineData("- rules", 1, 1, "the config file must be a mapping")]
    [InlineData("overrides:\n  - ~", 2, 5, "`overrides[0]` must be a mapping")]
    [InlineData("overrides:\n  - files: x\n    rules: {KL1O1: off}", 3, 13, "unknown rule `KL1O1` in `overrides[0].rules`; did you mean `KL101`?")]
    [InlineData("cluster:\n  defaultNamespace: Team_A", 2, 21, "`cluster.defaultNamespace` must be a Kubernetes name (a lowercase DNS label)")]
    [InlineData("cluster:\n  clusterDomain: corp..local", 2, 18, "`cluster.clusterDomain` must be a DNS domain such as cluster.local")]
    [InlineData("cluster:\n  clusterDNS: dns.local", 2, 15, "must be the cluster DNS server's IP address")]
    [InlineData("cluster:\n  externalNamespaces: [team, 7]", 2, 30, "`cluster.externalNamespaces[1]` must be a string")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, headless: maybe}", 3, 41, "`cluster.services[0].headless` must be true or false")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, ports: [70000]}", 3, 39, "`cluster.services[0].ports[0]` must be a port number between 1 and 65535, or a mapping with `port`")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, ports: [{port: 0}]}", 3, 46, "`cluster.services[0].ports[0].port` must be a port number between 1 and 65535")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, ports: [{port: 53, protocol: DNS}]}", 3, 60, "`cluster.services[0].ports[0].protocol` must be one of TCP, UDP, SCTP")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, ports: [{port: 53, protocl: UDP}]}", 3, 50, "unknown key `cluster.services[0].ports[0].protocl`; did you mean `protocol`?")]
    [InlineData("cluster:\n  services:\n    - {namespace: a, name: b, ports: [{port: 53, number: 1}]}", 3, 50, "unknown key `cluster.services[0].ports[0].number`; expected one of port, name, protocol")]
    public void Config_problems_have_positions_and_suggestions(string yaml, int line, int column, string message)
    {
        var problem = Assert.Single(Problems(yaml));
        Assert.Equal((line, column), (problem.Span.Line, problem.Span.Column));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_in_file_order()
    {
        var problems = Problems("cluster:\n  services:\n    - {name: prom, ports: [{prot: 80}]}\nrules:\n  KL205: loud\n");
        Assert.Equal(
            [
                "3:7: `cluster.services[0]` needs `namespace` and `name`",
                "3:28: `cluster.services[0].ports[0]` needs `port`",
                "3:29: unknown key `cluster.services[0].ports[0].prot`; did you mean `port`?",
                "5:10: `rules.KL205` must be one of off, on, error, warning, note, false, true",
            ],
            problems.Select(p => $"{p.Span.Line}:{p.Span.Column}: {p.Message}"));
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("On", true)]
    [InlineData("warning", true)]
    [InlineData("off", false)]
    public void Rule_settings_take_yaml_booleans_and_the_setting_words(string value, bool enabled)
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", $"rules: {{KL205: {value}}}", BuiltInRules.Catalog);
        Assert.Empty(problems);
        Assert.Equal(enabled, config.Rules["KL205"].Enabled);
    }

    [Fact]
    public void A_rule_named_by_id_and_by_slug_takes_the_later_setting()
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", "rules: {KL205: off, node-port-out-of-range: note}", BuiltInRules.Catalog);
        Assert.Empty(problems);
        Assert.Equal(RuleSetting.At(Linter.Core.Rules.Severity.Note), config.Rules["KL205"]);
    }

    [Fact]
    public void Configured_service_ports_are_numbers_or_mappings()
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", "cluster:\n  services:\n    - {namespace: mon, name: prom, headless: yes, ports: [9090, {port: 0x50, protocol: TCP}]}\n", BuiltInRules.Catalog);
        Assert.Empty(problems);
        var service = Assert.Single(config.Services);
        Assert.Equal(("mon", "prom", true), (service.Namespace, service.Name, service.Headless));
        Assert.Equal([9090, 80], service.Ports);
    }

    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        ConfigLoader.Parse(".kubelint.yaml", yaml, BuiltInRules.Catalog).Problems;

    [Fact]
    public void The_starter_file_is_a_valid_config()
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", Starter.Config, BuiltInRules.Catalog);
        Assert.Empty(problems);
        Assert.Equal("cluster.local", config.ClusterDomain);
    }

    [Theory]
    [InlineData("", "KL608:error")]
    [InlineData("cluster: {kubernetesVersion: 1.30}", "KL608:error")]
    [InlineData("cluster: {kubernetesVersion: \"1.21\"}", null)]
    [InlineData("cluster: {kubernetesVersion: v1.19.4}", null)]
    public void The_Kubernetes_version_decides_which_API_versions_are_served(string config, string? expected)
    {
        const string Legacy = "apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n";
        var findings = Lint(Legacy, config).Where(f => f.StartsWith("KL608", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected is null ? [] : [expected], findings);
    }

    [Theory]
    [InlineData("", "KL606:warning,KL606:warning")]
    [InlineData("cluster: {ingressClasses: [nginx]}", "KL606:warning")]
    [InlineData("cluster: {ingressClasses: [nginx], gatewayClasses: {istio: {dataPlane: inCluster}}}", null)]
    [InlineData("cluster:\n  ingressClasses: [nginx]\n  gatewayClasses:\n    istio:", null)]
    public void Configured_classes_exist(string config, string? expected)
    {
        const string Classes =
            "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: alb}\nspec: {controller: ingress.k8s.aws/alb}\n---\n" +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: envoy}\nspec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}\n---\n" +
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n---\n" +
            "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge}\nspec:\n  gatewayClassName: istio\n  listeners: [{name: http, port: 80, protocol: HTTP}]\n";
        var findings = Lint(Classes, config).Where(f => f.StartsWith("KL606", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected is null ? [] : expected.Split(','), findings);
    }

    [Fact]
    public void Network_policy_settings_reach_the_simulation()
    {
        const string Config = """
            cluster:
              namespaces:
                kube-system: {labels: {name: kube-system}}
              podCIDRs: [10.244.0.0/16]
              networkPolicy: {enforced: false, ipBlockMatchesPods: false}
              dns:
                namespace: openshift-dns
                podLabels: {dns.operator.openshift.io/daemonset-dns: default}
                ports: [{port: 5353, protocol: UDP, name: dns}, 5354]
                nodeLocal: true
            """;
        var (parsed, problems) = ConfigLoader.Parse("/repo/.kubelint.yaml", Config, BuiltInRules.Catalog);
        Assert.Empty(problems);
        var options = parsed.ApplyTo(new SimulationOptions());
        Assert.Equal("kube-system", options.NamespaceLabels["kube-system"]["name"]);
        Assert.Equal(["10.244.0.0/16"], options.PodCidrs);
        Assert.False(options.NetworkPolicyEnforced);
        Assert.False(options.IpBlockMatchesPods);
        Assert.Equal("openshift-dns", options.DnsPods.Namespace);
        Assert.Equal("default", options.DnsPods.Labels["dns.operator.openshift.io/daemonset-dns"]);
        Assert.Equal([new NamedPort("dns", 5353, "UDP"), new NamedPort(string.Empty, 5354, "UDP"), new NamedPort(string.Empty, 5354, "TCP")], options.DnsPods.Ports);
        Assert.True(options.DnsPods.NodeLocal);

        var defaults = ConfigLoader.Parse("/repo/.kubelint.yaml", "cluster: {dns: {nodeLocal: true}}", BuiltInRules.Catalog).Config.ApplyTo(new SimulationOptions());
        Assert.True(defaults.NetworkPolicyEnforced);
        Assert.Equal(ClusterDnsPods.Default with { NodeLocal = true }, defaults.DnsPods);
    }

    [Theory]
    [InlineData("", "KL705:note")]
    [InlineData("cluster: {networkPolicy: {enforced: false}}", null)]
    [InlineData("cluster: {dns: {nodeLocal: true}}", null)]
    [InlineData("cluster: {dns: {namespace: dns-system}}", null)]
    [InlineData("cluster: {dns: {ports: [{port: 5353, protocol: UDP}]}}", "KL705:error")]
    [InlineData("cluster: {dns: {ports: [{port: 53, protocol: UDP}]}}", null)]
    public void The_cluster_DNS_settings_decide_whether_an_egress_policy_blocks_lookups(string config, string? expected)
    {
        // The policy lets the pods reach kube-system on 53/UDP only (any pod there: 53/TCP is missing, a note), and dns-system on every port.
        const string Yaml =
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n" +
            "    spec: {containers: [{name: web, image: web, env: [{name: DB, value: db.shop.svc.cluster.local}]}]}\n---\n" +
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: egress, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n" +
            "    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]\n      ports: [{protocol: UDP, port: 53}]\n" +
            "    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dns-system}}}]\n";
        var findings = Lint(Yaml, config).Where(f => f.StartsWith("KL705", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected is null ? [] : [expected], findings);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("cluster: {ingressControllers: {nginx: {namespace: ingress-nginx, podLabels: {app: ingress-nginx}}}}", "KL707:error")]
    [InlineData("cluster: {gatewayClasses: {envoy: {dataPlane: inCluster}}}", "KL707:error")]
    [InlineData("cluster: {gatewayClasses: {envoy: {dataPlane: external}}}", null)]
    public void Configured_proxies_are_checked_against_the_backends_policies(string config, string? expected)
    {
        // shop admits only its own pods: a proxy in another namespace is denied, once it is known.
        var entry = config.Contains("gateway", StringComparison.Ordinal)
            ? "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: edge}\nspec:\n  gatewayClassName: envoy\n  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]\n---\n" +
              "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec:\n  parentRefs: [{name: public, namespace: edge}]\n  rules: [{backendRefs: [{name: web, port: 80}]}]\n"
            : "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n";
        var yaml =
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n" +
            "    spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}\n---\n" +
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: same-namespace, namespace: shop}\nspec: {podSelector: {}, ingress: [{from: [{podSelector: {}}]}]}\n---\n" + entry;
        var findings = Lint(yaml, config).Where(f => f.StartsWith("KL707", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected is null ? [] : [expected], findings);
    }

    [Fact]
    public void The_schema_describes_exactly_the_keys_the_loader_accepts()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(ConfigSchema.Build(BuiltInRules.Catalog.Descriptors))!;
        Assert.Equal(["rules", "overrides", "cluster", "include", "exclude", "customRules", "rulePackages", "ruleOptions"], schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["clusterDomain", "nodePortRange", "kubernetesVersion", "clusterDNS", "defaultNamespace", "externalNamespaces", "ingressClasses", "gatewayClasses", "namespaces", "podCIDRs", "networkPolicy", "ingressControllers", "dns", "services"],
            schema["properties"]!["cluster"]!["properties"]!.AsObject().Select(p => p.Key));
        var ruleNames = schema["definitions"]!["rules"]!["propertyNames"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("KL203", ruleNames);
        Assert.Contains("named-target-port-not-found", ruleNames);
    }

    [Fact]
    public void Rule_options_are_read_by_rule_id_as_lists_of_values()
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", "ruleOptions:\n  service-selector-matches-no-pods: {domains: [a.example, b.example], limit: 3}\n", BuiltInRules.Catalog);

        Assert.Empty(problems);
        var options = config.RuleOptions["KL101"];
        Assert.Equal(["a.example", "b.example"], options.Strings("domains"));
        Assert.Equal("3", options.String("limit"));
        Assert.Empty(options.Strings("unset"));
    }

    [Fact]
    public void Custom_rule_sources_are_kept_as_written()
    {
        var (config, problems) = ConfigLoader.Parse(".kubelint.yaml", "customRules: [.kubelint/rules]\nrulePackages: tools/Acme.Rules.dll\n", BuiltInRules.Catalog);

        Assert.Empty(problems);
        Assert.Equal([".kubelint/rules"], config.CustomRules);
        Assert.Equal(["tools/Acme.Rules.dll"], config.RulePackages);
    }

    [Fact]
    public void Names_of_rules_not_loaded_are_unknown_unless_custom_rules_were_left_out()
    {
        const string Text = "rules: {ACME001: error, KL999: off}\nruleOptions: {team-label: {x: y}}\n";
        var lacking = new Linter.Core.Rules.RuleCatalog(BuiltInRules.Catalog.All, BuiltInRules.Catalog.SourcePage) { LacksCustomRules = true };

        var (_, strict) = ConfigLoader.Parse(".kubelint.yaml", Text, BuiltInRules.Catalog);
        var (config, tolerant) = ConfigLoader.Parse(".kubelint.yaml", Text, lacking);

        Assert.Equal(3, strict.Count);
        var only = Assert.Single(tolerant);
        Assert.StartsWith("unknown rule `KL999`", only.Message);
        Assert.Empty(config.RuleOptions);
    }
}
