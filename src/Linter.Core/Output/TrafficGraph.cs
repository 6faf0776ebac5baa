using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Output;

/// <summary>One box of the traffic diagram: an Ingress or route, a Service, a workload, or something missing.</summary>
internal sealed record GraphNode(int Index, string Label, GraphNodeKind Kind)
{
    public string Id => $"n{Index}";
}

internal enum GraphNodeKind
{
    Entry,
    Service,
    Workload,
    Missing,
}

/// <summary>
/// One hop of traffic. <see cref="RuleIds"/> are the rules with a finding on the hop (on the Ingress path, the route's
/// backendRef, the Service's ports or selector, the name a workload uses); such a hop, or one to something missing,
/// is broken.
/// </summary>
internal sealed record GraphEdge(GraphNode From, GraphNode To, string Label, IReadOnlyList<string> RuleIds)
{
    public bool Broken => RuleIds.Count > 0 || To.Kind == GraphNodeKind.Missing;

    /// <summary>The rule ids of a broken hop (or what is missing), else what the hop carries (a host and path, a name).</summary>
    public string Text => RuleIds.Count > 0 ? string.Join(", ", RuleIds) : Broken ? "missing" : Label;
}

/// <summary>
/// The traffic topology the simulation built: Ingresses and routes to the Services they send to, Services to the
/// workloads they select, and workloads to the Services and pods whose names they use through cluster DNS. Findings
/// mark the hops they break. Nodes and edges are sorted, so the diagram is the same for the same input.
/// </summary>
internal sealed class TrafficGraph
{
    private readonly Dictionary<object, (string Label, GraphNodeKind Kind)> _nodes = [];
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
    private readonly List<(object From, object To, string Label, SourceSpan[] Anchors)> _hops = [];
    /// <summary>The findings of each file, by line: a hop looks only at the lines of its anchors.</summary>
    private readonly Dictionary<string, Rules.Finding[]> _findings;

    private TrafficGraph(LintResult result) =>
        _findings = result.Findings.GroupBy(f => f.Location.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Location.Line).ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<GraphNode> Nodes { get; private set; } = [];

    public IReadOnlyList<GraphEdge> Edges { get; private set; } = [];

    public static TrafficGraph Of(LintResult result)
    {
        var graph = new TrafficGraph(result);
        var snapshot = result.Snapshot;
        graph.AddIngresses(snapshot);
        graph.AddRoutes(snapshot);
        graph.AddServices(snapshot);
        graph.AddNames(snapshot);
        graph.Build();
        return graph;
    }

    private void AddIngresses(ClusterSnapshot snapshot)
    {
        foreach (var ingress in snapshot.Ingress.Ingresses)
        {
            foreach (var route in ingress.Routes)
            {
                if (route.Backend?.ServiceName is not { Value.Length: > 0 } name)
                {
                    continue;
                }

                var request = route.Path is null ? "default backend" : $"{route.Host ?? "*"}{route.PathValue}";
                var anchor = route.Path?.Span ?? route.Backend.Span;
                var to = route.Service is { } service ? Node(service) : Missing($"Service {ingress.Ingress.Namespace}/{name.Value}");
                Hop(Node(ingress.Ingress), to, request, anchor);
            }
        }
    }

    private void AddRoutes(ClusterSnapshot snapshot)
    {
        foreach (var resolution in snapshot.GatewayRouting.Routes.Select(snapshot.GatewayRouting.Resolve))
        {
            foreach (var backend in resolution.Backends.Where(b => b.Ref.Kind == "Service" && b.Ref.NameNode is { Value.Length: > 0 }))
            {
                var to = backend.Service is { } service
                    ? Node(service)
                    : Missing($"Service {backend.Ref.Namespace}/{backend.Ref.NameNode!.Value}");
                Hop(Node(resolution.Route), to, $"rule {backend.Ref.Rule + 1}", backend.Ref.ItemSpan);
            }
        }
    }

    private void AddServices(ClusterSnapshot snapshot)
    {
        foreach (var service in snapshot.Services.Where(s => s.HasSelector))
        {
            var anchors = service.Ports.Select(p => p.Span)
                .Concat(service.SelectorKey is { } key ? [key.Span] : [])
                .Concat(service.Selector!.SelectMany(p => new[] { p.Key.Span, p.Value.Span }))
                .ToArray();
            var workloads = snapshot.Resolve(service).Selected.Select(p => p.Owner).Distinct().ToList();
            if (workloads.Count == 0)
            {
                Hop(Node(service), Missing($"no pods in {service.Namespace}"), "selects no pod", anchors);
            }

            foreach (var workload in workloads)
            {
                Hop(Node(service), Node(workload), "selects", anchors);
            }
        }
    }

    /// <summary>
    /// A name that reaches no Service or pod is drawn when it is a cluster name nothing answers, or when a finding is
    /// on it (a short name that leaves the cluster); other outside names are not traffic inside the cluster.
    /// </summary>
    private void AddNames(ClusterSnapshot snapshot)
    {
        foreach (var pod in snapshot.PodTemplates)
        {
            foreach (var reference in snapshot.Names.UsedBy(pod))
            {
                var to = reference.Answer switch
                {
                    { Service: { } service } => Node(service),
                    { Pod: { } record } => Node(record.Pod.Owner),
                    { Outcome: DnsOutcome.NotFound } => Missing($"{reference.Host} (not found)"),
                    _ when RulesOn([reference.Span]).Count > 0 => Missing($"{reference.Host} (not found)"),
                    _ => null,
                };
                if (to is not null)
                {
                    Hop(Node(pod.Owner), to, reference.Host, reference.Span);
                }
            }
        }
    }

    private object Node(KubeObject obj)
    {
        var kind = obj switch { ServiceObject => GraphNodeKind.Service, IngressObject or RouteObject => GraphNodeKind.Entry, _ => GraphNodeKind.Workload };
        _nodes[obj] = (obj.Name.Length > 0 ? $"{obj.Kind} {obj.Namespace}/{obj.Name}" : obj.ToString(), kind);
        return obj;
    }

    /// <summary>Something missing is a node by its label (objects are nodes by identity: no model object equals a string).</summary>
    private string Missing(string label)
    {
        _missing.Add(label);
        return label;
    }

    private void Hop(object from, object to, string label, params SourceSpan[] anchors) => _hops.Add((from, to, label, anchors));

    /// <summary>Numbered in sorted order of kind and label; duplicate hops (one per service port, say) merged with their findings.</summary>
    private void Build()
    {
        var all = _nodes.Select(n => (Key: n.Key, n.Value.Label, n.Value.Kind))
            .Concat(_missing.Select(m => (Key: (object)m, Label: m, Kind: GraphNodeKind.Missing)))
            .OrderBy(n => n.Kind).ThenBy(n => n.Label, StringComparer.Ordinal)
            .ToList();
        var nodes = new Dictionary<object, GraphNode>();
        for (var i = 0; i < all.Count; i++)
        {
            nodes[all[i].Key] = new GraphNode(i, all[i].Label, all[i].Kind);
        }

        Nodes = nodes.Values.OrderBy(n => n.Index).ToList();
        Edges = _hops
            .GroupBy(h => (From: nodes[h.From], To: nodes[h.To], h.Label))
            .Select(g => new GraphEdge(g.Key.From, g.Key.To, g.Key.Label, RulesOn(g.SelectMany(h => h.Anchors))))
            .OrderBy(e => e.From.Index).ThenBy(e => e.To.Index).ThenBy(e => e.Label, StringComparer.Ordinal)
            .ToList();
    }

    private List<string> RulesOn(IEnumerable<SourceSpan> anchors)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var anchor in anchors)
        {
            if (!_findings.TryGetValue(anchor.Path, out var inFile))
            {
                continue;
            }

            for (var i = FirstAtOrAfter(inFile, anchor.Line); i < inFile.Length && inFile[i].Location.Line <= anchor.EndLine; i++)
            {
                if (anchor.Contains(inFile[i].Location.Line, inFile[i].Location.Column))
                {
                    ids.Add(inFile[i].RuleId);
                }
            }
        }

        return [.. ids];
    }

    /// <summary>The index of the first finding on <paramref name="line"/> or after it (binary search).</summary>
    private static int FirstAtOrAfter(Rules.Finding[] byLine, int line)
    {
        var (low, high) = (0, byLine.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = byLine[middle].Location.Line < line ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
