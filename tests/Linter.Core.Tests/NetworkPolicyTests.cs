using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

/// <summary>The NetworkPolicy evaluator alone (traffic semantics §4): selection, isolation, rules, peers, ports, verdicts.</summary>
public sealed class NetworkPolicyTests
{
    /// <summary>Namespaces shop (owned, labelled team=shop) and tools (owned): web and api in shop, client in tools.</summary>
    internal const string Pods = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: tools}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 9090}]}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: client, namespace: tools}
        spec:
          selector: {matchLabels: {app: client}}
          template:
            metadata: {labels: {app: client}}
            spec: {containers: [{name: client, image: client}]}
        ---

        """;

    private static ClusterSnapshot With(string policies, SimulationOptions? options = null) => Cluster.From(Pods + policies, options);

    private static PolicyEndpoint Pod(ClusterSnapshot snapshot, string name) =>
        snapshot.Policies.Endpoint(snapshot.PodTemplates.Single(p => p.Owner.Name == name));

    private static Verdict Allowed(ClusterSnapshot snapshot, string from, string to, int port, string protocol = "TCP") =>
        snapshot.Policies.Allowed(Pod(snapshot, from), Pod(snapshot, to), port, protocol).Verdict;

    private static string Policy(string ns, string spec) => $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p-{Guid.NewGuid():N}, namespace: {ns}}}\nspec: {spec}\n---\n";

    [Fact]
    public void Pods_isolated_alike_share_their_egress_verdicts_and_pods_isolated_otherwise_do_not()
    {
        // web and web-copy are isolated by the tier=front policy alone, api by a policy that allows no egress.
        const string copy = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web-copy, namespace: shop}
            spec:
              selector: {matchLabels: {app: web-copy}}
              template:
                metadata: {labels: {app: web-copy, tier: front}}
                spec: {containers: [{name: web, image: web}]}
            ---

            """;
        var snapshot = With(copy + Policy("shop", "{podSelector: {matchLabels: {tier: front}}, policyTypes: [Egress], egress: [{ports: [{port: 8080}]}]}") +
            Policy("shop", "{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress]}"));
        var client = Pod(snapshot, "client");
        DirectionVerdict Egress(string pod, int port) => snapshot.Policies.Allows(Pod(snapshot, pod), PolicyDirection.Egress, client, client, port, "TCP");

        var web = Egress("web", 8080);
        Assert.Equal(Verdict.Yes, web.Verdict);
        Assert.Equal(Verdict.No, Egress("api", 8080).Verdict);
        Assert.Same(web, Egress("web-copy", 8080));
        Assert.Equal(Verdict.No, Egress("web-copy", 9090).Verdict);
        Assert.Equal(Verdict.Yes, Egress("web", 8080).Verdict);
    }

    [Fact]
    public void Without_policies_every_connection_is_allowed_and_no_pod_is_isolated()
    {
        var snapshot = With(string.Empty);
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 8080));
        Assert.Equal(Verdict.No, snapshot.Policies.Isolated(Pod(snapshot, "web"), PolicyDirection.Ingress));
        Assert.False(snapshot.Policies.Any);
    }

    [Fact]
    public void A_pod_isolated_in_one_direction_is_judged_apart_in_each_whichever_is_asked_first()
    {
        // web is isolated for ingress only, api for egress only; each is asked in the other order.
        var snapshot = With(Policy("shop", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}") +
            Policy("shop", "{podSelector: {matchLabels: {app: api}}, policyTypes: [Egress]}"));
        var (web, api) = (Pod(snapshot, "web"), Pod(snapshot, "api"));

        Assert.Equal(Verdict.Yes, snapshot.Policies.Isolated(web, PolicyDirection.Ingress));
        Assert.Equal(Verdict.No, snapshot.Policies.Isolated(web, PolicyDirection.Egress));
        Assert.Equal(Verdict.No, snapshot.Policies.Isolated(api, PolicyDirection.Ingress));
        Assert.Equal(Verdict.Yes, snapshot.Policies.Isolated(api, PolicyDirection.Egress));
        Assert.Same(DirectionVerdict.Open, snapshot.Policies.Allows(web, PolicyDirection.Egress, api, api, 9090, "TCP"));
        var denied = snapshot.Policies.Allows(web, PolicyDirection.Ingress, api, web, 8080, "TCP");
        Assert.Equal(Verdict.No, denied.Verdict);
        Assert.Single(denied.Isolating);
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "web", "api", 9090));
        Assert.Equal(Verdict.No, Allowed(snapshot, "api", "web", 8080));
    }

    [Fact]
    public void A_policy_selects_pods_by_the_labels_their_controller_adds_and_an_endpoint_reads_as_its_pods()
    {
        const string job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate, namespace: shop}\n" +
            "spec: {template: {metadata: {labels: {app: migrate}}, spec: {restartPolicy: Never, containers: [{name: m, image: m}]}}}\n---\n";
        var snapshot = With(job + Policy("shop", "{podSelector: {matchLabels: {job-name: migrate}}, policyTypes: [Ingress]}"));
        var migrate = snapshot.Policies.Endpoint(snapshot.PodTemplates.Single(p => p.Owner.Name == "migrate"));

        Assert.Equal(Verdict.Yes, snapshot.Policies.Isolated(migrate, PolicyDirection.Ingress));
        Assert.Equal(Verdict.No, snapshot.Policies.Isolated(Pod(snapshot, "web"), PolicyDirection.Ingress));
        Assert.Equal(("migrate", "migrate"), (migrate.Labels["app"], migrate.Labels["job-name"]));
        Assert.Equal("front", Pod(snapshot, "web").Labels["tier"]);
        Assert.Equal(migrate.Pod!.ToString(), migrate.Description);
    }

    [Fact]
    public void Only_served_policies_count_as_policies_of_the_input()
    {
        Assert.True(With(Policy("shop", "{podSelector: {}, policyTypes: [Ingress]}")).Policies.Any);
        var legacy = "apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: old, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n---\n";
        Assert.False(With(legacy).Policies.Any);
    }

    [Fact]
    public void A_default_deny_ingress_policy_denies_ingress_to_every_pod_of_its_namespace_and_leaves_egress_open()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, policyTypes: [Ingress]}"));
        var verdict = snapshot.Policies.Allowed(Pod(snapshot, "client"), Pod(snapshot, "web"), 8080, "TCP");
        Assert.Equal(Verdict.No, verdict.Verdict);
        Assert.Equal(PolicyDirection.Ingress, verdict.DeniedBy);
        Assert.Single(verdict.Ingress.Isolating);
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "web", "client", 8080));
    }

    [Fact]
    public void An_empty_ingress_rule_allows_everything_and_an_empty_peer_list_means_anyone()
    {
        Assert.Equal(Verdict.Yes, Allowed(With(Policy("shop", "{podSelector: {}, ingress: [{}]}")), "client", "web", 8080));
        Assert.Equal(Verdict.Yes, Allowed(With(Policy("shop", "{podSelector: {}, ingress: [{from: [], ports: [{port: 8080}]}]}")), "client", "web", 8080));
    }

    [Fact]
    public void Egress_empty_without_policy_types_is_an_ingress_only_policy()
    {
        var snapshot = With(Policy("shop", "{podSelector: {matchLabels: {app: web}}, egress: []}"));
        var policy = snapshot.Objects.OfType<NetworkPolicyObject>().Single();
        Assert.True(policy.Enforces(PolicyDirection.Ingress));
        Assert.False(policy.Enforces(PolicyDirection.Egress));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "web", "client", 8080));

        // KL704 reports the `egress: []`: the ingress isolation it causes was not asked for, so it is unknown.
        Assert.Equal(Verdict.Unknown, snapshot.Policies.Isolated(Pod(snapshot, "web"), PolicyDirection.Ingress));
        Assert.Equal(Verdict.Unknown, Allowed(snapshot, "api", "web", 8080));
    }

    [Fact]
    public void Egress_rules_make_a_policy_without_policy_types_enforce_egress_too()
    {
        var snapshot = With(Policy("shop", "{podSelector: {matchLabels: {app: web}}, egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]}"));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "web", "api", 9090));
        var denied = snapshot.Policies.Allowed(Pod(snapshot, "web"), Pod(snapshot, "client"), 8080, "TCP");
        Assert.Equal(PolicyDirection.Egress, denied.DeniedBy);
    }

    [Fact]
    public void One_peer_with_both_selectors_is_AND_and_two_peers_are_OR()
    {
        const string And = "{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {app: client}}}]}]}";
        const string Or = "{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: shop}}}, {podSelector: {matchLabels: {app: client}}}]}]}";
        Assert.Equal(Verdict.No, Allowed(With(Policy("shop", And)), "client", "web", 8080));
        Assert.Equal(Verdict.No, Allowed(With(Policy("shop", And)), "api", "web", 8080));
        Assert.Equal(Verdict.Yes, Allowed(With(Policy("shop", Or)), "api", "web", 8080));
        // A podSelector alone means pods of the policy's namespace: client lives in tools. That peer selects no pod of
        // shop, so KL702 reports it and it counts as unknown; a peer that selects pods of shop denies client.
        Assert.Equal(Verdict.Unknown, Allowed(With(Policy("shop", Or)), "client", "web", 8080));
        Assert.Equal(Verdict.No, Allowed(With(Policy("shop", Or.Replace("app: client", "app: api"))), "client", "web", 8080));
    }

    [Fact]
    public void A_named_port_resolves_on_the_destination_pod_by_name_number_and_protocol()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, ingress: [{ports: [{port: http}]}]}"));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 8080));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "api", 9090));
        Assert.Equal(Verdict.No, Allowed(snapshot, "client", "web", 9090));
        Assert.Equal(Verdict.No, Allowed(snapshot, "client", "web", 53, "UDP"));
    }

    [Fact]
    public void EndPort_is_inclusive_and_protocol_defaults_to_TCP()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, ingress: [{ports: [{port: 8000, endPort: 8080}, {port: 53}]}]}"));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 8080));
        Assert.Equal(Verdict.No, Allowed(snapshot, "client", "web", 8081));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 53));
        Assert.Equal(Verdict.No, Allowed(snapshot, "client", "web", 53, "UDP"));
    }

    [Fact]
    public void Policies_are_additive_across_policies_selecting_the_pod()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, policyTypes: [Ingress]}") + Policy("shop", "{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{namespaceSelector: {}}]}]}"));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 8080));
        Assert.Equal(Verdict.No, Allowed(snapshot, "client", "api", 9090));
    }

    [Fact]
    public void A_denial_in_a_namespace_the_input_does_not_own_is_unknown()
    {
        var snapshot = Cluster.From(Pods.Replace("namespace: tools", "namespace: elsewhere").Replace("kind: Namespace\nmetadata: {name: tools}", "kind: ConfigMap\nmetadata: {name: x}") +
            Policy("shop", "{podSelector: {}, policyTypes: [Egress]}"));
        Assert.Equal(Verdict.No, Allowed(snapshot, "web", "client", 8080));

        // Policies of a namespace the input does not own are not all known: a policy there may allow more.
        var foreign = Cluster.From(Pods + Policy("ops", "{podSelector: {}}"));
        Assert.Equal(Verdict.Yes, Allowed(foreign, "client", "web", 8080));
    }

    [Fact]
    public void Namespace_selectors_on_labels_of_namespaces_the_input_does_not_know_are_unknown()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, egress: [{to: [{namespaceSelector: {matchLabels: {name: kube-system}}}]}]}"));
        var dns = PolicyEndpoint.BuiltIn("cluster DNS", "kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }, [new NamedPort("dns", 53, "UDP")]);
        var web = Pod(snapshot, "web");

        // kube-system carries only kubernetes.io/metadata.name unless the configuration says otherwise.
        Assert.Equal(Verdict.No, snapshot.Policies.Allowed(web, dns, 53, "UDP").Verdict);
        Assert.Equal(Verdict.Unknown, snapshot.Policies.Allowed(web, PolicyEndpoint.BuiltIn("x", "monitoring", new Dictionary<string, string>(), []), 53, "UDP").Verdict);

        var named = With(Policy("shop", "{podSelector: {}, egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]}]}"));
        Assert.Equal(Verdict.Yes, named.Policies.Allowed(Pod(named, "web"), dns, 53, "UDP").Verdict);

        var configured = With(Policy("shop", "{podSelector: {}, egress: [{to: [{namespaceSelector: {matchLabels: {name: kube-system}}}]}]}"),
            new SimulationOptions { NamespaceLabels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["kube-system"] = new Dictionary<string, string> { ["name"] = "kube-system" } } });
        Assert.Equal(Verdict.Yes, configured.Policies.Allowed(Pod(configured, "web"), dns, 53, "UDP").Verdict);
    }

    [Theory]
    [InlineData("0.0.0.0/0", "", "Yes")]
    [InlineData("0.0.0.0/0", "10.0.0.0/8", "Unknown")]
    [InlineData("0.0.0.0/0", "169.254.169.254/32", "Yes")]
    [InlineData("10.0.0.0/8", "", "Unknown")]
    [InlineData("203.0.113.0/24", "", "No")]
    [InlineData("::/0", "", "Yes")]
    public void An_ip_block_against_pods_is_yes_only_for_a_whole_family_block_no_outside_private_ranges_and_unknown_otherwise(string cidr, string except, string expected)
    {
        var exceptList = except.Length == 0 ? string.Empty : $", except: [{except}]";
        var snapshot = With(Policy("shop", $"{{podSelector: {{}}, egress: [{{to: [{{ipBlock: {{cidr: \"{cidr}\"{exceptList}}}}}]}}]}}"));
        Assert.Equal(Enum.Parse<Verdict>(expected), Allowed(snapshot, "web", "client", 8080));
    }

    [Fact]
    public void Pod_CIDRs_and_CNIs_that_never_match_pods_with_ip_blocks_decide_ip_block_verdicts()
    {
        const string Egress = "{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]}";
        Assert.Equal(Verdict.No, Allowed(With(Policy("shop", Egress), new SimulationOptions { PodCidrs = ["10.244.0.0/16"] }), "web", "client", 8080));
        Assert.Equal(Verdict.Yes, Allowed(With(Policy("shop", Egress), new SimulationOptions { PodCidrs = ["172.20.0.0/16"] }), "web", "client", 8080));
        Assert.Equal(Verdict.No, Allowed(With(Policy("shop", "{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}"), new SimulationOptions { IpBlockMatchesPods = false }), "web", "client", 8080));
    }

    [Fact]
    public void Outside_addresses_match_only_ip_blocks_and_rules_without_peers()
    {
        var outside = PolicyEndpoint.Outside("api.stripe.com");
        Verdict To(string egress)
        {
            var snapshot = With(Policy("shop", $"{{podSelector: {{}}, egress: [{egress}]}}"));
            return snapshot.Policies.Allowed(Pod(snapshot, "web"), outside, 443, "TCP").Verdict;
        }

        Assert.Equal(Verdict.Yes, To("{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}"));
        Assert.Equal(Verdict.Unknown, To("{to: [{ipBlock: {cidr: 203.0.113.0/24}}]}"));
        Assert.Equal(Verdict.No, To("{to: [{namespaceSelector: {}}]}"));
        Assert.Equal(Verdict.Yes, To("{ports: [{port: 443}]}"));
        Assert.Equal(Verdict.No, To("{ports: [{port: 80}]}"));
    }

    [Fact]
    public void An_outside_name_that_may_be_a_Service_of_an_unknown_namespace_leaves_selector_peers_unknown()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]}"));
        var web = Pod(snapshot, "web");
        Assert.Equal(Verdict.Unknown, snapshot.Policies.Allowed(web, PolicyEndpoint.Outside("prometheus.monitoring", mayBeInCluster: true), 9090, "TCP").Verdict);
        Assert.Equal(Verdict.No, snapshot.Policies.Allowed(web, PolicyEndpoint.Outside("api.stripe.com"), 443, "TCP").Verdict);
    }

    [Fact]
    public void Declared_dependencies_reach_the_pod_ports_behind_a_Service_and_leave_out_the_pod_itself()
    {
        var snapshot = Cluster.From(Pods.Replace("image: web, ports", "image: web, env: [{name: API, value: \"http://api:80/\"}, {name: SELF, value: \"http://web\"}, {name: PARTNER, value: \"https://api.partner.example/v1\"}], ports") +
            "apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}\n");
        var dependencies = snapshot.Dependencies.Of(snapshot.PodTemplates.Single(p => p.Owner.Name == "web"));
        Assert.Equal(["api", "api.partner.example"], dependencies.Select(d => d.Reference.Host));
        var api = Assert.Single(Assert.Single(dependencies[0].Ports));
        Assert.Equal((9090, "TCP", "Deployment api"), (api.Port, api.Protocol, api.Endpoint.ToString()));
        Assert.True(dependencies[1].IsOutside);
        Assert.Equal(443, dependencies[1].Ports[0][0].Port);
    }

    [Fact]
    public void Labels_only_a_controller_knows_make_selection_unknown()
    {
        var snapshot = With(Policy("shop", "{podSelector: {matchLabels: {pod-template-hash: abc}}, policyTypes: [Ingress]}"));
        Assert.Equal(Verdict.Unknown, snapshot.Policies.Isolated(Pod(snapshot, "web"), PolicyDirection.Ingress));
        Assert.Equal(Verdict.Unknown, Allowed(snapshot, "client", "web", 8080));
    }

    [Fact]
    public void A_rule_with_a_part_the_API_server_rejects_is_unknown_and_hostNetwork_pods_get_no_verdict()
    {
        Assert.Equal(Verdict.Unknown, Allowed(With(Policy("shop", "{podSelector: {}, ingress: [{from: [{}]}]}")), "client", "web", 8080));
        Assert.Equal(Verdict.Unknown, Allowed(With(Policy("shop", "{podSelector: {}, ingress: [{ports: [{port: 80, protocol: ICMP}]}]}")), "client", "web", 8080));

        var host = Cluster.From(Pods.Replace("spec: {containers: [{name: client", "spec: {hostNetwork: true, containers: [{name: client") + Policy("shop", "{podSelector: {}, policyTypes: [Ingress]}"));
        Assert.Equal(Verdict.Unknown, Allowed(host, "client", "web", 8080));
    }

    [Fact]
    public void A_policy_whose_policy_types_the_API_server_rejects_decides_nothing()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, policyTypes: [Ingress, egress]}"));
        Assert.Equal(Verdict.Unknown, Allowed(snapshot, "client", "web", 8080));
        Assert.Equal(Verdict.Unknown, Allowed(snapshot, "web", "client", 8080));
    }

    [Fact]
    public void A_CIDR_with_host_bits_is_read_leniently_before_1_36_and_makes_its_rule_unknown_from_1_36()
    {
        const string Egress = "{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 203.0.113.5/24}}]}]}";
        Verdict To(Version version)
        {
            var snapshot = With(Policy("shop", Egress), new SimulationOptions { KubernetesVersion = version });
            return snapshot.Policies.Allowed(Pod(snapshot, "web"), Pod(snapshot, "client"), 8080, "TCP").Verdict;
        }

        Assert.Equal(Verdict.No, To(new Version(1, 34)));
        Assert.Equal(Verdict.Unknown, To(new Version(1, 36)));
    }

    [Fact]
    public void A_policy_of_a_folder_that_is_an_alternative_to_the_pods_folder_does_not_govern_them()
    {
        const string Web = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: web}]}\n";
        const string Api = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, image: api}]}\n";
        const string Deny = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n";
        Verdict IngressToWeb(params (string Path, string Text)[] files)
        {
            var snapshot = Cluster.FromFiles(files);
            return snapshot.Policies.Isolated(Pod(snapshot, "web"), PolicyDirection.Ingress);
        }

        // Book chapters that both define api are alternatives: the policy of ch16 is not applied with ch15.
        Assert.Equal(Verdict.No, IngressToWeb(("book/ch15/web.yaml", Web), ("book/ch15/api.yaml", Api), ("book/ch16/api.yaml", Api), ("book/ch16/deny.yaml", Deny)));
        Assert.Equal(Verdict.Yes, IngressToWeb(("book/ch15/web.yaml", Web), ("book/ch15/api.yaml", Api), ("book/ch16/api.yaml", Api), ("book/ch15/deny.yaml", Deny)));

        // Folders that define different workloads, and a folder of policies beside a folder of apps, go together.
        Assert.Equal(Verdict.Yes, IngressToWeb(("teams/web/web.yaml", Web), ("teams/api/api.yaml", Api), ("teams/api/deny.yaml", Deny)));
        Assert.Equal(Verdict.Yes, IngressToWeb(("deploy/apps/web.yaml", Web), ("deploy/apps/api.yaml", Api), ("deploy/policies/deny.yaml", Deny)));
        Assert.Equal(Verdict.Yes, IngressToWeb(("web.yaml", Web), ("policies/deny.yaml", Deny)));
    }

    [Fact]
    public void A_policy_in_an_API_version_the_cluster_no_longer_serves_selects_nothing()
    {
        var snapshot = With(Policy("shop", "{podSelector: {}, policyTypes: [Ingress]}").Replace("networking.k8s.io/v1", "extensions/v1beta1"));
        Assert.Equal(Verdict.Yes, Allowed(snapshot, "client", "web", 8080));
    }

    [Fact]
    public void A_denied_connection_names_the_isolating_policy_and_the_nearest_rule()
    {
        var snapshot = With(Policy("shop", "{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools}}}], ports: [{port: 80}]}]}"));
        var verdict = snapshot.Policies.Allowed(Pod(snapshot, "client"), Pod(snapshot, "web"), 8080, "TCP");
        Assert.Equal(Verdict.No, verdict.Verdict);
        Assert.Equal("ingress rule 1 of " + verdict.Ingress.Isolating.Single(), verdict.Ingress.Nearest!.ToString());
    }

    [Theory]
    [InlineData("{port: 80, protocol: ICMP}", "protocol: Unsupported value")]
    [InlineData("{port: 70000}", "must be between 1 and 65535")]
    [InlineData("{port: HTTP}", "port: Invalid value: \"HTTP\"")]
    [InlineData("{endPort: 90}", "may not be specified when `port` is not specified")]
    [InlineData("{port: http, endPort: 90}", "may not be specified when `port` is non-numeric")]
    [InlineData("{port: 100, endPort: 90}", "must be greater than or equal to `port`")]
    public void Port_checks_quote_the_API_server(string port, string reason)
    {
        var rule = With(Policy("shop", $"{{podSelector: {{}}, ingress: [{{ports: [{port}]}}]}}")).Objects.OfType<NetworkPolicyObject>().Single().Ingress.Single();
        Assert.Contains(reason, Assert.Single(PolicyChecks.Problems(rule.Ports.Single())).Reason);
        Assert.True(PolicyChecks.IsMalformed(rule));
    }

    [Theory]
    [InlineData("{}", "must specify a peer")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}", "may not specify both ipBlock and another peer")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0}}", "must be a valid CIDR value")]
    [InlineData("{ipBlock: {except: [10.0.0.0/8]}}", "ipBlock.cidr: Required value")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}", "must be a strict subset of `cidr`")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}", "must be a strict subset of `cidr`")]
    [InlineData("{ipBlock: {cidr: \"\"}}", "ipBlock.cidr: Required value")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/33]}}", "ipBlock.except[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value")]
    public void Peer_checks_quote_the_API_server(string peer, string reason)
    {
        var rule = With(Policy("shop", $"{{podSelector: {{}}, ingress: [{{from: [{peer}]}}]}}")).Objects.OfType<NetworkPolicyObject>().Single().Ingress.Single();
        Assert.Contains(reason, Assert.Single(PolicyChecks.Problems(rule.Peers.Single())).Reason);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.244.1.0/24", true, true)]
    [InlineData("10.244.1.0/24", "10.0.0.0/8", false, true)]
    [InlineData("10.0.0.0/8", "192.168.0.0/16", false, false)]
    [InlineData("0.0.0.0/0", "203.0.113.7/32", true, true)]
    [InlineData("fc00::/7", "fd12:3456::/32", true, true)]
    [InlineData("0.0.0.0/0", "fd12::/16", false, false)]
    public void Cidr_containment_and_overlap(string a, string b, bool contains, bool overlaps)
    {
        var first = Cidr.Parse(a)!.Value;
        var second = Cidr.Parse(b)!.Value;
        Assert.Equal(contains, first.Contains(second));
        Assert.Equal(overlaps, first.Overlaps(second));
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("web/8")]
    [InlineData("10.1/8")]
    [InlineData("10.0.0.256/8")]
    [InlineData("0x0a.0.0.0/8")]
    public void Cidr_parse_refuses_what_is_not_a_block(string text) => Assert.Null(Cidr.Parse(text));

    [Fact]
    public void Leading_zeros_are_decimal_as_the_API_server_reads_them() =>
        Assert.True(Cidr.Parse("10.0.0.0/8")!.Value.Contains(Cidr.Parse("010.000.001.0/24")!.Value));

    [Fact]
    public void A_rule_whose_peer_selector_the_API_server_rejects_is_malformed()
    {
        var rule = With(Policy("shop", "{podSelector: {}, ingress: [{from: [{podSelector: {app: web}}]}]}")).Objects.OfType<NetworkPolicyObject>().Single().Ingress.Single();
        Assert.Empty(PolicyChecks.Problems(rule.Peers.Single()));
        Assert.True(PolicyChecks.IsMalformed(rule));
    }

    [Theory]
    [InlineData("[Ingress, Egress, Ingress]", "spec.policyTypes: Invalid value: [\"Ingress\", \"Egress\", \"Ingress\"]: may not specify more than two policyTypes")]
    [InlineData("[ingress]", "spec.policyTypes[0]: Unsupported value: \"ingress\": supported values: \"Egress\", \"Ingress\"")]
    public void Policy_types_are_checked_as_the_API_server_does(string types, string reason)
    {
        var policy = With(Policy("shop", $"{{podSelector: {{}}, policyTypes: {types}}}")).Objects.OfType<NetworkPolicyObject>().Single();
        Assert.Equal(reason, Assert.Single(PolicyChecks.Problems(policy, new Version(1, 34))).Reason);
    }
}
