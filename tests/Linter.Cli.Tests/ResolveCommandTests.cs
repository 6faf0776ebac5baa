using System.Text.Json;

namespace Linter.Cli.Tests;

public sealed class ResolveCommandTests
{
    [Fact]
    public void Resolve_lists_each_service_port_and_where_it_lands()
    {
        var run = Cli.Run("resolve", Cli.Examples);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("namespace payments\n  payments-api (ClusterIP, selector app=payments-api)\n    80/TCP (http) -> http\n      Deployment payments-api: container api 8080/TCP\n", run.Stdout.Replace("\r", string.Empty));
        Assert.Contains("Deployment catalog-api: no port named http-api/TCP, no endpoint", run.Stdout);
        Assert.Contains("sessions (ClusterIP, headless, selector app=session-redis)\n    selects no pod", run.Stdout.Replace("\r", string.Empty));
        Assert.True(run.Stdout.Split('\n').All(line => line.TrimEnd('\r').Length <= 80), "lines fit 80 columns");
        var entries = run.Stdout.Replace("\r", string.Empty).Split("Ingresses and routes\n")[1];
        Assert.Contains("\nnamespace shop\n  Ingress shop (class nginx)\n    shop.example.com /api (Prefix) -> catalog-api:http\n      80/TCP (http) -> http-api\n", entries);
    }

    [Fact]
    public void Resolve_without_Ingresses_or_routes_prints_no_entry_heading()
    {
        var run = Cli.RunWithInput("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n", "resolve", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("web (ClusterIP, selector app=web)", run.Stdout);
        Assert.DoesNotContain("Ingresses and routes", run.Stdout);
    }

    private const string PodNames = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: web
          replicas: 5
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {clusterIP: None, selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: api}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {clusterIP: None, selector: {app: api}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: front}
        spec:
          type: LoadBalancer
          clusterIP: 10.96.0.20
          externalTrafficPolicy: Local
          healthCheckNodePort: 30090
          selector: {app: web}
          ports: [{name: http, port: 80, targetPort: http, nodePort: 30090}]
        """;

    [Fact]
    public void Resolve_lists_the_dns_records_of_each_namespace_and_its_node_ports()
    {
        var run = Cli.RunWithInput(PodNames, "resolve", "-");
        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout.Replace("\r", string.Empty);
        var records = text.Split("  DNS records (zone cluster.local)\n")[1];
        Assert.StartsWith("""
                web.default.svc.cluster.local A -> each ready pod of StatefulSet web
                web-0.web.default.svc.cluster.local A -> pod web-0 of StatefulSet web
                web-1.web.default.svc.cluster.local A -> pod web-1 of StatefulSet web
                web-2.web.default.svc.cluster.local A -> pod web-2 of StatefulSet web
                web-<n>.web.default.svc.cluster.local A -> pods web-3 to web-4 of
                    StatefulSet web
                _http._tcp.web.default.svc.cluster.local SRV -> port 8080 on each ready pod
                api.default.svc.cluster.local A -> each ready pod of Deployment api
                <pod>.api.default.svc.cluster.local A -> none: the pods of Deployment api
                    have no hostname under this Service (no StatefulSet with serviceName
                    api, no pod with hostname and subdomain api)
                front.default.svc.cluster.local A -> 10.96.0.20
                _http._tcp.front.default.svc.cluster.local SRV -> 80
                    front.default.svc.cluster.local
              node ports
                30090/TCP: Service front port http (80/TCP)
                30090/TCP: Service front load balancer health checks (healthCheckNodePort);
                    fails, already taken by Service front (KL207)

            """.Replace("\r", string.Empty), records);
        Assert.True(text.Split('\n').All(line => line.Length <= 80), "lines fit 80 columns");

        var json = Cli.RunWithInput(PodNames, "resolve", "-", "--format", "json").Json.GetProperty("namespaces")[0];
        var web = json.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "web");
        Assert.Equal("web-0.web.default.svc.cluster.local", web.GetProperty("dnsRecords")[1].GetProperty("name").GetString());
        Assert.Equal("front", json.GetProperty("nodePorts")[1].GetProperty("takenBy").GetString());
    }

    [Fact]
    public void Resolve_from_a_workload_shows_each_query_of_the_search_list()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefront", "payments-api.payments:8080");
        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout.Replace("\r", string.Empty);
        Assert.StartsWith("from Deployment storefront in namespace shop\n", text);
        Assert.Contains(
            "  1. payments-api.payments.shop.svc.cluster.local\n" +
            "     NXDOMAIN: no headless Service payments in namespace shop\n" +
            "  2. payments-api.payments.svc.cluster.local\n" +
            "     Service payments-api in namespace payments\n" +
            "=> Service payments-api in namespace payments\n" +
            "   port 8080 is not exposed (the Service exposes 80)\n",
            text);
        Assert.True(text.Split('\n').All(line => line.Length <= 80), "lines fit 80 columns");
    }

    [Fact]
    public void Resolve_explains_a_short_name_of_another_namespace_in_json()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefront", "payments-api", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("External", run.Json.GetProperty("outcome").GetString());
        Assert.Contains("write payments-api.payments", run.Json.GetProperty("result").GetString());
        Assert.Equal(4, run.Json.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public void Resolve_from_an_unknown_workload_is_a_usage_error_with_a_suggestion()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefrnt", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean shop/storefront?", run.Stderr);
    }

    private static readonly string Apps =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: payments}\n---\n" +
        App("shop", "web", "app", "[{name: http, containerPort: 8080}]", "[{name: http, port: 80, targetPort: http}]") +
        App("payments", "pay", "api", "[{containerPort: 9000}]", "[{port: 80, targetPort: 9000}]") +
        Entries;

    private const string Entries = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: shop}
        spec:
          ingressClassName: nginx
          defaultBackend:
            service: {name: web, port: {name: http}}
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
                  - path: /search
                    pathType: Prefix
                    backend: {service: {name: search, port: {number: 80}}}
                  - path: /static//assets
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public, namespace: shop}
        spec:
          gatewayClassName: envoy
          listeners:
            - {name: http, port: 80, protocol: HTTP}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: store, namespace: shop}
        spec:
          parentRefs: [{name: public}]
          hostnames: [shop.example.com]
          rules:
            - matches: [{path: {type: PathPrefix, value: /pay}}]
              backendRefs: [{name: pay, namespace: payments, port: 80}]
            - backendRefs: [{name: web, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: orphan, namespace: shop}
        spec: {parentRefs: [{name: private}], rules: [{backendRefs: [{name: web, port: 80}]}]}

        """;

    private static string App(string ns, string name, string container, string containerPorts, string servicePorts) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          selector: {matchLabels: {app: {{{name}}}}}
          template:
            metadata: {labels: {app: {{{name}}}}}
            spec:
              containers:
                - name: {{{container}}}
                  image: {{{name}}}:1
                  ports: {{{containerPorts}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          selector: {app: {{{name}}}}
          ports: {{{servicePorts}}}
        ---

        """;

    private const string Grant = """
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: shop-routes, namespace: payments}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
          to: [{group: "", kind: Service}]

        """;

    [Fact]
    public void Resolve_says_the_API_server_rejects_a_backend_written_the_v1beta1_way_in_a_v1_Ingress()
    {
        const string Ingress = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  rules:\n    - host: old.example.com\n" +
            "      http:\n        paths:\n          - {path: /, pathType: Prefix, backend: {serviceName: web, servicePort: 80}}\n";
        var run = Cli.RunWithInput(Ingress, "resolve", "-");
        Assert.Contains("    old.example.com / (Prefix) -> (none)\n      the API server rejects the backend (KL817 says why)\n", run.Stdout.Replace("\r", string.Empty));
    }

    [Fact]
    public void Resolve_shows_each_ingress_path_and_where_it_lands_or_why_not()
    {
        var run = Cli.RunWithInput(Apps, "resolve", "-");
        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout.Replace("\r", string.Empty);
        var entries = text.Substring(text.IndexOf("\nIngresses and routes\n", StringComparison.Ordinal));
        Assert.StartsWith(
            "\nIngresses and routes\n" +
            "\n" +
            "namespace shop\n" +
            "  Ingress shop (class nginx)\n" +
            "    shop.example.com / (Prefix) -> web:80\n" +
            "      80/TCP (http) -> http\n" +
            "        Deployment web: container app 8080/TCP\n" +
            "    shop.example.com /search (Prefix) -> search:80\n" +
            "      no Service search in namespace shop\n" +
            "    shop.example.com /static//assets (Prefix) -> web:80\n" +
            "      the API server rejects the path: must not contain '//'\n" +
            "    default backend -> web:http\n" +
            "      80/TCP (http) -> http\n" +
            "        Deployment web: container app 8080/TCP\n",
            entries);
        Assert.True(text.Split('\n').All(line => line.Length <= 80), "lines fit 80 columns");
    }

    [Fact]
    public void Resolve_shows_a_route_through_its_gateway_and_a_cross_namespace_backend_without_a_grant()
    {
        var run = Cli.RunWithInput(Apps, "resolve", "-");
        var text = run.Stdout.Replace("\r", string.Empty);
        Assert.Contains(
            "  HTTPRoute orphan\n" +
            "    via Gateway shop/private: no Gateway private in namespace shop\n" +
            "    rule 1 every path -> web:80\n" +
            "      no traffic: the route attaches to no Gateway listener\n" +
            "  HTTPRoute store (hostnames shop.example.com)\n" +
            "    via Gateway shop/public: attached to listener http\n" +
            "    rule 1 /pay (PathPrefix) -> payments/pay:80\n" +
            "      not permitted: no ReferenceGrant in namespace payments lets HTTPRoutes of\n" +
            "          namespace shop refer to it (HTTP 500)\n" +
            "    rule 2 every path -> web:80\n" +
            "      80/TCP (http) -> http\n" +
            "        Deployment web: container app 8080/TCP\n",
            text);
    }

    [Fact]
    public void Resolve_follows_a_cross_namespace_backend_that_a_reference_grant_permits()
    {
        var run = Cli.RunWithInput(Apps + Grant, "resolve", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "    rule 1 /pay (PathPrefix) -> payments/pay:80\n" +
            "      80/TCP -> 9000\n" +
            "        Deployment pay: container api 9000/TCP\n",
            run.Stdout.Replace("\r", string.Empty));
    }

    [Fact]
    public void Resolve_json_adds_ingresses_and_routes_to_each_namespace()
    {
        var run = Cli.RunWithInput(Apps, "resolve", "-", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var namespaces = run.Json.GetProperty("namespaces").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!);
        Assert.Equal(["payments", "shop"], namespaces.Keys.Order());
        Assert.Equal("pay", namespaces["payments"].GetProperty("services")[0].GetProperty("name").GetString());
        Assert.Equal(0, namespaces["payments"].GetProperty("ingresses").GetArrayLength());
        var shop = namespaces["shop"];
        var ingress = shop.GetProperty("ingresses")[0];
        Assert.Equal("nginx", ingress.GetProperty("class").GetString());
        Assert.Equal("Field", ingress.GetProperty("classSource").GetString());
        var entries = ingress.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal("shop.example.com", entries[0].GetProperty("host").GetString());
        Assert.Equal("/", entries[0].GetProperty("path").GetString());
        Assert.Equal("Prefix", entries[0].GetProperty("pathType").GetString());
        var endpoint = entries[0].GetProperty("servicePort").GetProperty("endpoints")[0];
        Assert.Equal("Deployment web", endpoint.GetProperty("workload").GetString());
        Assert.Equal(8080, endpoint.GetProperty("port").GetInt32());
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("reason").ValueKind);
        Assert.Equal("no Service search in namespace shop", entries[1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("service").ValueKind);
        Assert.StartsWith("the API server rejects the path", entries[2].GetProperty("reason").GetString());
        Assert.True(entries[3].GetProperty("defaultBackend").GetBoolean());

        var store = shop.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "store");
        Assert.Equal("HTTPRoute", store.GetProperty("kind").GetString());
        Assert.Equal("http", store.GetProperty("parents")[0].GetProperty("attached")[0].GetString());
        var pay = store.GetProperty("entries")[0];
        Assert.Equal(1, pay.GetProperty("rule").GetInt32());
        Assert.Equal("/pay", pay.GetProperty("paths")[0].GetProperty("value").GetString());
        Assert.Equal("payments", pay.GetProperty("serviceNamespace").GetString());
        Assert.StartsWith("not permitted: no ReferenceGrant", pay.GetProperty("reason").GetString());
    }

    private static readonly string Policies =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n" +
        Web +
        App("shop", "api", "api", "[{name: http, containerPort: 8080}]", "[{port: 8080, targetPort: http}]") +
        App("shop", "redis", "redis", "[{containerPort: 6379}]", "[{port: 6379}]") +
        PolicyObjects;

    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: web:1
                  env:
                    - {name: API_URL, value: "http://api:8080/"}
                    - {name: REDIS_ADDR, value: "redis:6379"}
                    - {name: PSP_URL, value: "https://psp.example.com/charge"}
                    - {name: METRICS, value: "http://prometheus.monitoring:9090/"}
        ---

        """;

    private const string PolicyObjects = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - to: [{podSelector: {matchLabels: {app: api}}}]
              ports: [{port: 8080}]
            - to: [{namespaceSelector: {matchLabels: {team: monitoring}}}]
              ports: [{port: 9090}]
            - to: [{podSelector: {matchLabels: {app: api}}}]
              ports: [{port: 6379}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api-ingress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{port: http}]

        """;

    private static string Text(CliRun run) => run.Stdout.Replace("\r", string.Empty);

    /// <summary>The text of <c>resolve - --from shop/web</c> on <paramref name="input"/>.</summary>
    private static string FromWeb(string input) => Text(Cli.RunWithInput(input, "resolve", "-", "--from", "shop/web"));

    private static void FitsTerminal(string text) => Assert.True(text.Split('\n').All(line => line.Length <= 80), "lines fit 80 columns");

    [Fact]
    public void Resolve_from_a_workload_alone_lists_each_connection_with_its_verdict()
    {
        var run = Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web");
        Assert.Equal(0, run.ExitCode);
        var text = Text(run);
        Assert.Equal(
            "from Deployment web in namespace shop\n" +
            "connections and what NetworkPolicies decide:\n" +
            "  api:8080 (env API_URL of container web of Deployment web)\n" +
            "    -> Service api in namespace shop\n" +
            "    Deployment api 8080/TCP: allowed (egress rule 1 of NetworkPolicy web-egress;\n" +
            "        ingress rule 1 of NetworkPolicy api-ingress)\n" +
            "  redis:6379 (env REDIS_ADDR of container web of Deployment web)\n" +
            "    -> Service redis in namespace shop\n" +
            "    Deployment redis 6379/TCP: denied by egress: NetworkPolicy web-egress\n" +
            "        isolates the source and no rule allows it; nearest: egress rule 3 of\n" +
            "        NetworkPolicy web-egress matches the port, not the peer\n" +
            "  psp.example.com:443 (env PSP_URL of container web of Deployment web)\n" +
            "    -> psp.example.com\n" +
            "    psp.example.com 443/TCP: denied by egress: NetworkPolicy web-egress isolates\n" +
            "        the source and no rule allows it\n" +
            "  prometheus.monitoring:9090 (env METRICS of container web of Deployment web)\n" +
            "    -> prometheus.monitoring\n" +
            "    prometheus.monitoring 9090/TCP: unknown: egress rule 2 of NetworkPolicy\n" +
            "        web-egress may match; prometheus.monitoring may be a Service of\n" +
            "        namespace monitoring, which is not in the input\n",
            text);
        FitsTerminal(text);
    }

    [Fact]
    public void Resolve_from_a_workload_names_the_ingress_policy_that_denies_and_the_nearest_rule()
    {
        var input = Policies.Replace("from: [{podSelector: {matchLabels: {app: web}}}]", "from: [{podSelector: {matchLabels: {app: redis}}}]");
        var text = FromWeb(input);
        Assert.Contains(
            "    Deployment api 8080/TCP: denied by ingress: NetworkPolicy api-ingress\n" +
            "        isolates the destination and no rule allows it; nearest: ingress rule 1\n" +
            "        of NetworkPolicy api-ingress matches the port, not the peer\n",
            text);
    }

    [Fact]
    public void Resolve_from_a_workload_says_not_isolated_when_no_policy_selects_either_end()
    {
        var input = Policies.Replace(PolicyObjects, string.Empty);
        var text = FromWeb(input);
        Assert.Contains("    Deployment api 8080/TCP: not isolated\n", text);
        Assert.Contains("    psp.example.com 443/TCP: not isolated (no policy isolates the source for\n        egress)\n", text);
    }

    [Fact]
    public void Resolve_from_a_host_network_workload_gives_no_verdict_and_says_why()
    {
        var input = Policies.Replace("      containers:\n        - name: web\n", "      hostNetwork: true\n      containers:\n        - name: web\n");
        var text = FromWeb(input);
        Assert.Contains(
            "    Deployment redis 6379/TCP: unknown: the source pods use the node's network\n" +
            "        (hostNetwork): no policy decides node traffic\n",
            text);
        Assert.DoesNotContain("denied", text);
    }

    [Fact]
    public void Resolve_from_a_workload_says_a_rejected_policyTypes_leaves_the_verdict_unknown()
    {
        var input = Policies.Replace("policyTypes: [Egress]", "policyTypes: [Egres]");
        var text = FromWeb(input);
        Assert.Contains(
            "    Deployment api 8080/TCP: unknown: egress rule 1 of NetworkPolicy web-egress\n" +
            "        may match; the API server rejects the policyTypes of NetworkPolicy\n" +
            "        web-egress (KL819), so whether it isolates the source is unknown\n",
            text);
    }

    [Fact]
    public void Resolve_from_a_workload_in_json_gives_verdict_direction_deciding_rule_and_isolating_policies()
    {
        var run = Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Deployment web", run.Json.GetProperty("from").GetString());
        Assert.True(run.Json.GetProperty("networkPolicyEnforced").GetBoolean());
        var connections = run.Json.GetProperty("connections").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["api", "redis", "psp.example.com", "prometheus.monitoring"], connections.Keys);

        var api = connections["api"];
        Assert.Equal("allowed", api.GetProperty("verdict").GetString());
        Assert.Equal(8080, api.GetProperty("port").GetInt32());
        var allowed = api.GetProperty("targets")[0];
        Assert.Equal("Deployment api", allowed.GetProperty("endpoint").GetString());
        Assert.Equal(JsonValueKind.Null, allowed.GetProperty("deniedBy").ValueKind);
        Assert.Equal(["egress rule 1 of NetworkPolicy web-egress", "ingress rule 1 of NetworkPolicy api-ingress"], allowed.GetProperty("decidedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["NetworkPolicy web-egress", "NetworkPolicy api-ingress"], allowed.GetProperty("isolating").EnumerateArray().Select(e => e.GetString()));

        var redis = connections["redis"].GetProperty("targets")[0];
        Assert.Equal("denied", redis.GetProperty("verdict").GetString());
        Assert.Equal("egress", redis.GetProperty("deniedBy").GetString());
        Assert.Equal(["NetworkPolicy web-egress"], redis.GetProperty("decidedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("egress rule 3 of NetworkPolicy web-egress", redis.GetProperty("nearest").GetString());

        var psp = connections["psp.example.com"];
        Assert.True(psp.GetProperty("outside").GetBoolean());
        Assert.Equal("denied", psp.GetProperty("verdict").GetString());

        var metrics = connections["prometheus.monitoring"].GetProperty("targets")[0];
        Assert.Equal("unknown", metrics.GetProperty("verdict").GetString());
        Assert.Equal(["egress rule 2 of NetworkPolicy web-egress"], metrics.GetProperty("decidedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("namespace monitoring, which is not in the input", metrics.GetProperty("text").GetString());
    }

    [Fact]
    public void Resolve_from_a_workload_with_a_name_ends_with_the_verdict()
    {
        var text = Text(Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web", "redis:6379"));
        Assert.StartsWith("from Deployment web in namespace shop\n", text);
        Assert.EndsWith(
            "=> Service redis in namespace shop\n" +
            "   6379/TCP -> 6379\n" +
            "     Deployment redis: container redis 6379/TCP\n" +
            "verdict: denied\n" +
            "   Deployment redis 6379/TCP: denied by egress: NetworkPolicy web-egress\n" +
            "       isolates the source and no rule allows it; nearest: egress rule 3 of\n" +
            "       NetworkPolicy web-egress matches the port, not the peer\n",
            text);
        FitsTerminal(text);

        Assert.EndsWith("verdict: no verdict: give a port (NAME:PORT) to get one\n", Text(Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web", "psp.example.com")));
        Assert.EndsWith(
            "verdict: no verdict: nothing:80 reaches no pod of another workload and no\n   destination outside the cluster\n",
            Text(Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web", "nothing:80")));
    }

    [Fact]
    public void Resolve_from_a_workload_with_a_name_in_json_adds_the_connection_and_keeps_the_trace()
    {
        var run = Cli.RunWithInput(Policies, "resolve", "-", "--from", "shop/web", "psp.example.com:443", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("External", run.Json.GetProperty("outcome").GetString());
        Assert.Equal(443, run.Json.GetProperty("port").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.Json.GetProperty("noVerdict").ValueKind);
        var connection = run.Json.GetProperty("connections").EnumerateArray().Single();
        Assert.True(connection.GetProperty("outside").GetBoolean());
        Assert.Equal("egress", connection.GetProperty("targets")[0].GetProperty("deniedBy").GetString());
        Assert.Equal(["NetworkPolicy web-egress"], connection.GetProperty("targets")[0].GetProperty("isolating").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Resolve_from_a_workload_says_when_the_configuration_does_not_enforce_NetworkPolicies()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("kubelint-resolve-").FullName, ".kubelint.yaml");
        File.WriteAllText(config, "cluster:\n  networkPolicy: {enforced: false}\n");
        try
        {
            var text = Text(Cli.RunWithInput(Policies, "resolve", "-", "--config", config, "--from", "shop/web"));
            Assert.StartsWith(
                "from Deployment web in namespace shop\n" +
                "NetworkPolicies are not enforced (cluster.networkPolicy.enforced: false)\n" +
                "connections:\n" +
                "  api:8080 (env API_URL of container web of Deployment web)\n" +
                "    -> Service api in namespace shop\n" +
                "  redis:6379",
                text);
            Assert.DoesNotContain("denied", text);
            var trace = Cli.RunWithInput(Policies, "resolve", "-", "--config", config, "--from", "shop/web", "redis:6379", "--format", "json");
            Assert.False(trace.Json.GetProperty("networkPolicyEnforced").GetBoolean());
            Assert.Equal(0, trace.Json.GetProperty("connections").GetArrayLength());
            Assert.Equal("NetworkPolicies are not enforced (cluster.networkPolicy.enforced: false)", trace.Json.GetProperty("noVerdict").GetString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
        }
    }
}
