using System.Text;

namespace Linter.Bench;

/// <summary>A mistake the generator put into the corpus on purpose, where kubelint must report it.</summary>
public sealed record InjectedMistake(string RuleId, string Path, int Line, string What)
{
    public override string ToString() => $"{RuleId} {Path}:{Line} ({What})";
}

/// <summary>What <see cref="SyntheticCorpus.Generate(int, int, int)"/> wrote: the files and the mistakes in them.</summary>
public sealed record SyntheticCluster(IReadOnlyList<(string Path, string Text)> Files, IReadOnlyList<InjectedMistake> Mistakes);

/// <summary>
/// Generates a realistic input: namespaces team-N (each declared by a Namespace object) with deployments, services
/// (by name and by number), a StatefulSet with its headless service and a ConfigMap. The same seed gives the same
/// files. Known mistakes are injected, with names drawn from the seed, and returned with the line kubelint reports:
/// <list type="bullet">
/// <item>about 1 in 10 app Services is broken: a selector typo (<c>-x</c>, KL101) and a named targetPort typo
/// (<c>htp</c>), which kubelint does not report while the Service selects no pods;</item>
/// <item>node port collisions: two NodePort Services in different namespaces and folders with one <c>nodePort</c> (KL207 on the later one);</item>
/// <item>unknown short names: <c>http://&lt;name&gt;-missing:8080/</c> in a declared namespace where no Service resembles it (KL302);</item>
/// <item>cross-namespace selection: a Service alone in a namespace of its own whose selector matches a Deployment written into a team namespace in the same file (KL101).</item>
/// </list>
/// With <c>trafficEntry</c>, every team namespace is also published: even ones by an Ingress, odd ones by an HTTPRoute
/// on the shared Gateway <c>edge/public</c> (a path per app, broken apps included: their only finding stays KL101).
/// Mistakes there: an Ingress port that is the container's port (KL602), an Ingress path to a missing Service (KL601),
/// a route naming a listener the Gateway does not have (KL611), a route on a listener that admits only its own
/// namespace (KL612), and a backendRef into another team namespace without a ReferenceGrant (KL613), next to one
/// that a ReferenceGrant permits.
/// With <c>networkPolicies</c> (3 namespaces or more), every team namespace gets a default-deny policy, a DNS rule
/// and a policy for its apps (ingress from the namespace, from anywhere on the app port, from monitoring namespaces
/// on metrics; egress to the other apps and the database), and app-0 calls app-1. Mistakes there: a namespace without
/// the DNS rule (KL705), one whose app policy lacks the egress rule to the other apps (KL706 on app-0's call), and one
/// whose egress rule names the Service port 80 instead of the pod port (KL703; the call it blocks is then unknown).
/// Everything else is meant to be clean: kubelint reports nothing else, not even a note.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Words =
    [
        "ledger", "billing", "search", "catalog", "checkout", "invoice", "orders", "shipping", "profile", "reviews",
        "payments", "gateway", "storage", "reports", "mailer", "pricing", "tracking", "loyalty", "quotes", "tickets",
    ];

    /// <summary>The benchmark's input: <paramref name="namespaces"/> × <paramref name="appsPerNamespace"/> apps, seed 1.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(int namespaces, int appsPerNamespace) =>
        Generate(namespaces, appsPerNamespace, seed: 1).Files;

    public static SyntheticCluster Generate(int namespaces, int appsPerNamespace, int seed, bool trafficEntry = false, bool networkPolicies = false)
    {
        var random = new Random(seed);
        var files = new List<(string Path, string Text)>();
        var mistakes = new List<InjectedMistake>();
        var names = new UniqueNames(random);

        // Which apps get an unknown upstream URL, chosen before writing them.
        var missing = new Dictionary<(int Namespace, int App), string>();
        while (missing.Count < Math.Min(Math.Max(1, namespaces / 4), namespaces * appsPerNamespace))
        {
            missing.TryAdd((random.Next(namespaces), random.Next(appsPerNamespace)), names.Next() + "-missing");
        }

        var policies = networkPolicies && namespaces >= 3 && appsPerNamespace >= 2 ? new Policies(namespaces, seed, random) : null;
        for (var n = 0; n < namespaces; n++)
        {
            var ns = $"team-{n}";
            files.Add(($"{ns}/namespace.yaml", Namespace(ns)));
            for (var a = 0; a < appsPerNamespace; a++)
            {
                var path = $"{ns}/app-{a}.yaml";
                var broken = (n + a + seed) % 10 == 0;
                var peer = policies is not null && a == 0 ? new Peer("app-1", n == policies.DeniedCall) : null;
                files.Add((path, App(ns, $"app-{a}", broken, missing.GetValueOrDefault((n, a)), peer, path, mistakes)));
            }

            files.Add(($"{ns}/db.yaml", Database(ns)));
            if (policies is not null)
            {
                files.Add(policies.Write(n, mistakes));
            }
        }

        if (appsPerNamespace > 0 && namespaces >= 2)
        {
            NodePortCollisions(namespaces, appsPerNamespace, random, names, files, mistakes);
        }

        if (namespaces >= 1)
        {
            CrossNamespaceSelections(namespaces, random, names, files, mistakes);
        }

        if (trafficEntry && namespaces >= 2 && appsPerNamespace > 0)
        {
            new EntryPoints(namespaces, appsPerNamespace, random, names, files, mistakes).Write();
        }

        return new SyntheticCluster(files, mistakes);
    }

    private static string Namespace(string ns)
    {
        var text = new Lines();
        text.Add("apiVersion: v1");
        text.Add("kind: Namespace");
        text.Add($"metadata: {{name: {ns}}}");
        return text.ToString();
    }

    /// <summary>Another app this one calls (<c>PEER_URL</c>), and whether the policies deny the call (KL706).</summary>
    private sealed record Peer(string Name, bool Denied);

    private static string App(string ns, string name, bool broken, string? missingHost, Peer? peer, string path, List<InjectedMistake> mistakes)
    {
        var text = new Lines();
        text.Add("apiVersion: apps/v1");
        text.Add("kind: Deployment");
        text.Add($"metadata: {{name: {name}, namespace: {ns}, labels: {{app: {name}}}}}");
        text.Add("spec:");
        text.Add("  replicas: 2");
        text.Add($"  selector: {{matchLabels: {{app: {name}, tier: web}}}}");
        text.Add("  template:");
        text.Add($"    metadata: {{labels: {{app: {name}, tier: web, version: v1}}}}");
        text.Add("    spec:");
        text.Add("      containers:");
        text.Add("        - name: main");
        text.Add($"          image: example/{name}:1.0");
        text.Add("          ports:");
        text.Add("            - {name: http, containerPort: 8080}");
        text.Add("            - {name: metrics, containerPort: 9090}");
        text.Add("          readinessProbe: {httpGet: {path: /ready, port: http}}");
        text.Add("          env:");
        text.Add($"            - {{name: DB_HOST, value: db.{ns}.svc.cluster.local}}");
        if (missingHost is not null)
        {
            var line = text.Add($"            - {{name: UPSTREAM_URL, value: \"http://{missingHost}:8080/\"}}");
            mistakes.Add(new InjectedMistake("KL302", path, line, $"unknown short name {missingHost} in declared namespace {ns}"));
        }

        if (peer is not null)
        {
            var line = text.Add($"            - {{name: PEER_URL, value: \"http://{peer.Name}/\"}}");
            if (peer.Denied)
            {
                mistakes.Add(new InjectedMistake("KL706", path, line, $"{name} of {ns} calls {peer.Name}, which no egress rule allows"));
            }
        }

        text.Add("---");
        text.Add("apiVersion: v1");
        text.Add("kind: Service");
        text.Add($"metadata: {{name: {name}, namespace: {ns}}}");
        text.Add("spec:");
        var selector = text.Add($"  selector: {{app: {(broken ? name + "-x" : name)}}}");
        text.Add("  ports:");
        text.Add($"    - {{name: http, port: 80, targetPort: {(broken ? "htp" : "http")}}}");
        text.Add("    - {name: metrics, port: 9090}");
        if (broken)
        {
            // The targetPort typo is not reported: no pod is selected, so there is nothing to look the name up in.
            mistakes.Add(new InjectedMistake("KL101", path, selector, $"selector typo app: {name}-x (and targetPort htp)"));
        }

        return text.ToString();
    }

    private static string Database(string ns)
    {
        var text = new Lines();
        text.Add("apiVersion: v1");
        text.Add("kind: Service");
        text.Add($"metadata: {{name: db, namespace: {ns}}}");
        text.Add("spec:");
        text.Add("  clusterIP: None");
        text.Add("  selector: {app: db}");
        text.Add("  ports: [{name: pg, port: 5432}]");
        text.Add("---");
        text.Add("apiVersion: apps/v1");
        text.Add("kind: StatefulSet");
        text.Add($"metadata: {{name: db, namespace: {ns}}}");
        text.Add("spec:");
        text.Add("  serviceName: db");
        text.Add("  replicas: 3");
        text.Add("  selector: {matchLabels: {app: db}}");
        text.Add("  template:");
        text.Add("    metadata: {labels: {app: db}}");
        text.Add("    spec:");
        text.Add("      containers: [{name: pg, image: postgres:16, ports: [{name: pg, containerPort: 5432}]}]");
        text.Add("---");
        text.Add("apiVersion: v1");
        text.Add("kind: ConfigMap");
        text.Add($"metadata: {{name: settings, namespace: {ns}}}");
        text.Add("data: {LOG_LEVEL: info}");
        return text.ToString();
    }

    /// <summary>
    /// Pairs of NodePort Services in two team namespaces (and so two folders) asking for one node port. The input is
    /// read in path order (ordinal), so the Service whose file sorts later is the one that fails (KL207).
    /// </summary>
    private static void NodePortCollisions(int namespaces, int apps, Random random, UniqueNames names, List<(string Path, string Text)> files, List<InjectedMistake> mistakes)
    {
        var used = new HashSet<int>();
        for (var i = 0; i < Math.Max(1, namespaces / 5); i++)
        {
            int nodePort;
            do
            {
                nodePort = random.Next(30000, 32768);
            }
            while (!used.Add(nodePort));

            var first = random.Next(namespaces);
            var second = (first + 1 + random.Next(namespaces - 1)) % namespaces;
            var pair = new[] { first, second }.Select(n =>
            {
                var ns = $"team-{n}";
                var name = names.Next() + "-public";
                var path = $"{ns}/{name}.yaml";
                var text = new Lines();
                text.Add("apiVersion: v1");
                text.Add("kind: Service");
                text.Add($"metadata: {{name: {name}, namespace: {ns}}}");
                text.Add("spec:");
                text.Add("  type: NodePort");
                text.Add($"  selector: {{app: app-{random.Next(apps)}}}");
                text.Add("  ports:");
                var line = text.Add($"    - {{name: http, port: 80, targetPort: http, nodePort: {nodePort}}}");
                return (Path: path, Text: text.ToString(), Line: line, Name: name);
            }).ToList();

            files.AddRange(pair.Select(p => (p.Path, p.Text)));
            var earlier = pair.MinBy(p => p.Path, StringComparer.Ordinal);
            var later = pair.MaxBy(p => p.Path, StringComparer.Ordinal);
            mistakes.Add(new InjectedMistake("KL207", later.Path, later.Line, $"nodePort {nodePort} of {later.Name}, already taken by {earlier.Name}"));
        }
    }

    /// <summary>
    /// A Service alone in a namespace of its own (no Namespace object, no workload there) next to the Deployment it
    /// selects, which the same file writes into a team namespace: Services select pods of their own namespace only (KL101).
    /// </summary>
    private static void CrossNamespaceSelections(int namespaces, Random random, UniqueNames names, List<(string Path, string Text)> files, List<InjectedMistake> mistakes)
    {
        for (var i = 0; i < Math.Max(1, namespaces / 8); i++)
        {
            var word = names.Next();
            var ns = $"team-{random.Next(namespaces)}";
            var alone = $"{word}-edge";
            var worker = $"{word}-worker";
            var path = $"{ns}/{worker}.yaml";
            var text = new Lines();
            text.Add("apiVersion: v1");
            text.Add("kind: Service");
            text.Add($"metadata: {{name: {worker}, namespace: {alone}}}");
            text.Add("spec:");
            var selector = text.Add($"  selector: {{app: {worker}}}");
            text.Add("  ports:");
            text.Add("    - {name: http, port: 80, targetPort: http}");
            text.Add("---");
            text.Add("apiVersion: apps/v1");
            text.Add("kind: Deployment");
            text.Add($"metadata: {{name: {worker}, namespace: {ns}}}");
            text.Add("spec:");
            text.Add("  replicas: 1");
            text.Add($"  selector: {{matchLabels: {{app: {worker}}}}}");
            text.Add("  template:");
            text.Add($"    metadata: {{labels: {{app: {worker}}}}}");
            text.Add("    spec:");
            text.Add("      containers:");
            text.Add("        - name: main");
            text.Add($"          image: example/{worker}:1.0");
            text.Add("          ports: [{name: http, containerPort: 8080}]");
            files.Add((path, text.ToString()));
            mistakes.Add(new InjectedMistake("KL101", path, selector, $"Service {worker} in namespace {alone} selects pods of namespace {ns}"));
        }
    }

    /// <summary>The NetworkPolicies of <c>networkPolicies</c>: which namespaces get which mistake, and each namespace's policies.</summary>
    private sealed class Policies
    {
        public Policies(int namespaces, int seed, Random random)
        {
            var order = Enumerable.Range(0, namespaces).OrderBy(_ => random.Next()).ToList();

            // The denied call needs a working app-1 Service (a broken one selects no pod: nothing to call).
            DeniedCall = order.First(n => (n + 1 + seed) % 10 != 0);
            order.Remove(DeniedCall);
            (NoDns, ServicePort) = (order[0], order[1]);
        }

        public int DeniedCall { get; }

        public int NoDns { get; }

        public int ServicePort { get; }

        public (string Path, string Text) Write(int n, List<InjectedMistake> mistakes)
        {
            var ns = $"team-{n}";
            var path = $"{ns}/policies.yaml";
            var text = new Lines();
            text.Add("apiVersion: networking.k8s.io/v1");
            text.Add("kind: NetworkPolicy");
            text.Add($"metadata: {{name: default-deny, namespace: {ns}}}");
            text.Add("spec:");
            text.Add("  podSelector: {}");
            text.Add("  policyTypes:");
            text.Add("    - Ingress");
            var egress = text.Add("    - Egress");
            if (n == NoDns)
            {
                mistakes.Add(new InjectedMistake("KL705", path, egress, $"{ns} denies all egress and has no DNS rule"));
            }
            else
            {
                text.Add("---");
                text.Add("apiVersion: networking.k8s.io/v1");
                text.Add("kind: NetworkPolicy");
                text.Add($"metadata: {{name: allow-dns, namespace: {ns}}}");
                text.Add("spec:");
                text.Add("  podSelector: {}");
                text.Add("  policyTypes: [Egress]");
                text.Add("  egress:");
                text.Add("    - to:");
                text.Add("        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}");
                text.Add("          podSelector: {matchLabels: {k8s-app: kube-dns}}");
                text.Add("      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]");
            }

            text.Add("---");
            text.Add("apiVersion: networking.k8s.io/v1");
            text.Add("kind: NetworkPolicy");
            text.Add($"metadata: {{name: web, namespace: {ns}}}");
            text.Add("spec:");
            text.Add("  podSelector: {matchLabels: {tier: web}}");
            text.Add("  ingress:");
            text.Add("    - from: [{podSelector: {}}]");
            text.Add("      ports: [{port: http}]");
            text.Add("    - from: [{ipBlock: {cidr: 0.0.0.0/0}}]");
            text.Add("      ports: [{port: http}]");
            // Namespaces the input does not label this way may exist: this peer is not a mistake.
            text.Add("    - from: [{namespaceSelector: {matchLabels: {purpose: monitoring}}}]");
            text.Add("      ports: [{port: metrics}]");
            if (n != DeniedCall)
            {
                text.Add("  egress:");
                text.Add("    - to: [{podSelector: {matchLabels: {tier: web}}}]");
                var port = text.Add($"      ports: [{{port: {(n == ServicePort ? "80" : "http")}}}]");
                text.Add("    - to: [{podSelector: {matchLabels: {app: db}}}]");
                text.Add("      ports: [{port: 5432}]");
                if (n == ServicePort)
                {
                    mistakes.Add(new InjectedMistake("KL703", path, port, $"{ns} allows egress to the apps on their Service port 80, not the pod port"));
                }
            }

            return (path, text.ToString());
        }
    }

    /// <summary>The Ingresses, the shared Gateway and the HTTPRoutes of <c>trafficEntry</c>, with their mistakes.</summary>
    private sealed class EntryPoints(int namespaces, int apps, Random random, UniqueNames names, List<(string Path, string Text)> files, List<InjectedMistake> mistakes)
    {
        public void Write()
        {
            files.Add(("edge/gateway.yaml", Gateway()));
            var wrongPort = 2 * random.Next((namespaces + 1) / 2);
            var missingService = 2 * random.Next((namespaces + 1) / 2);
            for (var n = 0; n < namespaces; n++)
            {
                if (n % 2 == 0)
                {
                    files.Add(Ingress(n, n == wrongPort, n == missingService));
                }
                else
                {
                    files.Add(($"team-{n}/route.yaml", Route(n, "web", $"team-{n}.example.com", "http", _ => { })));
                }
            }

            var odd = 1 + 2 * random.Next(namespaces / 2);
            StrayRoute(odd, "https", "KL611", "section https names no listener of Gateway public");
            StrayRoute(odd, "internal", "KL612", "listener internal admits routes of namespace edge only");
            CrossNamespaceBackends(random.Next(namespaces));
        }

        private static string Gateway()
        {
            var text = new Lines();
            text.Add("apiVersion: v1");
            text.Add("kind: Namespace");
            text.Add("metadata: {name: edge}");
            text.Add("---");
            text.Add("apiVersion: gateway.networking.k8s.io/v1");
            text.Add("kind: GatewayClass");
            text.Add("metadata: {name: edge}");
            text.Add("spec: {controllerName: example.com/gateway-controller}");
            text.Add("---");
            text.Add("apiVersion: gateway.networking.k8s.io/v1");
            text.Add("kind: Gateway");
            text.Add("metadata: {name: public, namespace: edge}");
            text.Add("spec:");
            text.Add("  gatewayClassName: edge");
            text.Add("  listeners:");
            text.Add("    - {name: http, port: 80, protocol: HTTP, hostname: \"*.example.com\", allowedRoutes: {namespaces: {from: All}}}");
            text.Add("    - {name: internal, port: 8080, protocol: HTTP}");
            return text.ToString();
        }

        private (string Path, string Text) Ingress(int n, bool wrongPort, bool missingService)
        {
            var path = $"team-{n}/ingress.yaml";
            var text = new Lines();
            text.Add("apiVersion: networking.k8s.io/v1");
            text.Add("kind: Ingress");
            text.Add($"metadata: {{name: web, namespace: team-{n}}}");
            text.Add("spec:");
            text.Add("  ingressClassName: nginx");
            text.Add("  rules:");
            text.Add($"    - host: team-{n}.example.com");
            text.Add("      http:");
            text.Add("        paths:");
            var broken = wrongPort ? random.Next(apps) : -1;
            for (var a = 0; a < apps; a++)
            {
                text.Add($"          - path: /app-{a}");
                text.Add("            pathType: Prefix");
                var line = text.Add($"            backend: {{service: {{name: app-{a}, port: {{number: {(a == broken ? 8080 : 80)}}}}}}}");
                if (a == broken)
                {
                    mistakes.Add(new InjectedMistake("KL602", path, line, $"Ingress web of team-{n} names container port 8080 of app-{a}"));
                }
            }

            if (missingService)
            {
                var name = names.Next() + "-legacy";
                text.Add("          - path: /legacy");
                text.Add("            pathType: Prefix");
                var line = text.Add($"            backend: {{service: {{name: {name}, port: {{number: 80}}}}}}");
                mistakes.Add(new InjectedMistake("KL601", path, line, $"Ingress web of team-{n} sends /legacy to Service {name}, not in the input"));
            }

            return (path, text.ToString());
        }

        /// <summary>An HTTPRoute of team-<paramref name="n"/> on the Gateway's listener <paramref name="section"/>, a rule per app.</summary>
        private string Route(int n, string name, string hostname, string section, Action<Lines> moreRules)
        {
            var text = new Lines();
            text.Add("apiVersion: gateway.networking.k8s.io/v1");
            text.Add("kind: HTTPRoute");
            text.Add($"metadata: {{name: {name}, namespace: team-{n}}}");
            text.Add("spec:");
            text.Add($"  parentRefs: [{{name: public, namespace: edge, sectionName: {section}}}]");
            text.Add($"  hostnames: [{hostname}]");
            text.Add("  rules:");
            for (var a = 0; a < apps; a++)
            {
                text.Add($"    - matches: [{{path: {{type: PathPrefix, value: /app-{a}}}}}]");
                text.Add($"      backendRefs: [{{name: app-{a}, port: 80}}]");
            }

            moreRules(text);
            return text.ToString();
        }

        /// <summary>A route of team-<paramref name="n"/> on listener <paramref name="section"/>, which it cannot use (line 5: the parentRef).</summary>
        private void StrayRoute(int n, string section, string rule, string what)
        {
            var name = names.Next();
            var path = $"team-{n}/{name}-route.yaml";
            files.Add((path, Route(n, name, $"{name}.example.com", section, _ => { })));
            mistakes.Add(new InjectedMistake(rule, path, 5, $"HTTPRoute {name} of team-{n}: {what}"));
        }

        /// <summary>
        /// A route of team-<paramref name="n"/> with a backendRef into each of two other team namespaces: one has a
        /// ReferenceGrant for team-<paramref name="n"/>'s routes, the other none (KL613).
        /// </summary>
        private void CrossNamespaceBackends(int n)
        {
            var granted = (n + 1) % namespaces;
            var refused = (n + 2) % namespaces;
            var name = names.Next();
            var path = $"team-{n}/{name}-route.yaml";
            var refusedLine = 0;
            files.Add((path, Route(n, name, $"{name}.example.com", "http", text =>
            {
                text.Add("    - matches: [{path: {type: PathPrefix, value: /shared}}]");
                text.Add($"      backendRefs: [{{name: app-0, namespace: team-{granted}, port: 80}}]");
                if (refused != n && refused != granted)
                {
                    text.Add("    - matches: [{path: {type: PathPrefix, value: /other}}]");
                    refusedLine = text.Add($"      backendRefs: [{{name: app-0, namespace: team-{refused}, port: 80}}]");
                }
            })));

            var grant = new Lines();
            grant.Add("apiVersion: gateway.networking.k8s.io/v1beta1");
            grant.Add("kind: ReferenceGrant");
            grant.Add($"metadata: {{name: routes-from-team-{n}, namespace: team-{granted}}}");
            grant.Add("spec:");
            grant.Add($"  from: [{{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: team-{n}}}]");
            grant.Add("  to: [{group: \"\", kind: Service}]");
            files.Add(($"team-{granted}/grant-team-{n}.yaml", grant.ToString()));
            if (refusedLine > 0)
            {
                mistakes.Add(new InjectedMistake("KL613", path, refusedLine, $"HTTPRoute {name} of team-{n} sends /other to team-{refused} without a ReferenceGrant"));
            }
        }
    }

    /// <summary>Text built line by line; <see cref="Add"/> returns the 1-based line it wrote.</summary>
    private sealed class Lines
    {
        private readonly StringBuilder _text = new();
        private int _count;

        public int Add(string line)
        {
            _text.Append(line).Append('\n');
            return ++_count;
        }

        public override string ToString() => _text.ToString();
    }

    /// <summary>Names drawn from the seed (a word and a number), never the same twice in one corpus.</summary>
    private sealed class UniqueNames(Random random)
    {
        private readonly HashSet<string> _given = [];

        public string Next()
        {
            string name;
            do
            {
                name = $"{Words[random.Next(Words.Length)]}{random.Next(1, 100)}";
            }
            while (!_given.Add(name));

            return name;
        }
    }
}
