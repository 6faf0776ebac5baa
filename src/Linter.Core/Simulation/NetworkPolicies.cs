using System.Collections.Concurrent;
using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>How one direction (the source's egress or the destination's ingress) decides a connection.</summary>
public sealed class DirectionVerdict(Verdict verdict, IReadOnlyList<NetworkPolicyObject> isolating, PolicyRule? allowedBy, PolicyRule? nearest, PolicyRule? undecided = null, bool nearestMatchesPort = false)
{
    public Verdict Verdict { get; } = verdict;

    /// <summary>The policies that certainly select the pod and enforce this direction, in input order.</summary>
    public IReadOnlyList<NetworkPolicyObject> Isolating { get; } = isolating;

    /// <summary>The first rule that allows the connection, when one does.</summary>
    public PolicyRule? AllowedBy { get; } = allowedBy;

    /// <summary>When denied: the first rule that matches the port or the peer, but not both.</summary>
    public PolicyRule? Nearest { get; } = nearest;

    /// <summary>When unknown: the first rule of a selecting policy that may match (the input cannot decide whether it does).</summary>
    public PolicyRule? MayMatch { get; } = undecided;

    /// <summary>Whether <see cref="Nearest"/> matches the port (and not the peer), rather than the peer (and not the port).</summary>
    public bool NearestMatchesPort { get; } = nearestMatchesPort;

    public static DirectionVerdict Open { get; } = new(Verdict.Yes, [], null, null);

    public static DirectionVerdict Undecided { get; } = new(Verdict.Unknown, [], null, null);
}

/// <summary>A connection's verdict: allowed when the source's egress and the destination's ingress both allow it.</summary>
public sealed record ConnectionVerdict(Verdict Verdict, DirectionVerdict Egress, DirectionVerdict Ingress)
{
    /// <summary>The direction that denies (egress first), when the connection is denied.</summary>
    public PolicyDirection? DeniedBy => Egress.Verdict == Verdict.No ? PolicyDirection.Egress : Ingress.Verdict == Verdict.No ? PolicyDirection.Ingress : null;
}

/// <summary>
/// The NetworkPolicies of the input, indexed by namespace, and the three-valued evaluation of traffic
/// semantics §4.5: which policies select a pod, whether it is isolated per direction, and
/// <see cref="Allowed"/> for a connection to a destination pod port. Policies the target version no longer serves
/// (KL608) select nothing, and so do policies of a folder that is an alternative to the pods' (<see cref="AlternativeFolders"/>).
/// A rule holding a part the API server rejects (<see cref="PolicyChecks"/>) counts as unknown;
/// so do a peer or port KL702/KL703 report and the ingress isolation of an <c>egress: []</c> policy KL704 reports (<see cref="PolicyDefects"/>).
/// </summary>
public sealed class NetworkPolicies
{
    private readonly ClusterSnapshot _snapshot;
    private readonly Dictionary<string, List<NetworkPolicyObject>> _byNamespace = new(StringComparer.Ordinal);
    private readonly PodTable<PolicyEndpoint> _endpoints;

    // One isolation per pod template and direction; the built-in endpoints (the DNS pods) have theirs in the memos.
    private readonly PodTable<Isolation> _ingressIsolation;
    private readonly PodTable<Isolation> _egressIsolation;
    private readonly Memo<PolicyEndpoint, Isolation> _builtInIngressIsolation;
    private readonly Memo<PolicyEndpoint, Isolation> _builtInEgressIsolation;

    // Pods that the policies of their namespace isolate alike share one isolation, and with it their egress verdicts to
    // a destination: every pod's to the cluster DNS, the clients' of a database to it. Judged once per kind of pod.
    private readonly ConcurrentDictionary<string, IsolationKinds> _ingressKinds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IsolationKinds> _egressKinds = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Cidr> _podRanges;
    private readonly HashSet<PolicyRule> _malformed = [];
    private readonly HashSet<NetworkPolicyObject> _typesRejected = [];

    // Each ipBlock peer whose block parses, judged once: its verdict depends only on whether the endpoint is a pod.
    private readonly Dictionary<PolicyPeer, BlockVerdicts> _blocks = [];

    internal NetworkPolicies(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _ingressIsolation = new(snapshot.PodPositions, pod => Classify(Endpoint(pod), PolicyDirection.Ingress));
        _egressIsolation = new(snapshot.PodPositions, pod => Classify(Endpoint(pod), PolicyDirection.Egress));
        _builtInIngressIsolation = new(endpoint => Classify(endpoint, PolicyDirection.Ingress));
        _builtInEgressIsolation = new(endpoint => Classify(endpoint, PolicyDirection.Egress));
        var podCidrs = new List<Cidr>();
        foreach (var text in snapshot.Options.PodCidrs)
        {
            if (Cidr.Parse(text) is { } cidr)
            {
                podCidrs.Add(cidr);
            }
        }

        PodCidrs = podCidrs;
        _podRanges = PodCidrs.Count > 0 ? PodCidrs : Cidr.PrivateRanges;
        var strictCidr = snapshot.Options.KubernetesVersion >= PolicyChecks.StrictCidrSince;
        foreach (var policy in snapshot.Objects.OfType<NetworkPolicyObject>().Where(snapshot.IsServed))
        {
            (_byNamespace.TryGetValue(policy.Namespace, out var list) ? list : _byNamespace[policy.Namespace] = []).Add(policy);
            if (PolicyChecks.RejectsPolicyTypes(policy))
            {
                _typesRejected.Add(policy);
            }

            foreach (var rule in policy.Ingress.Concat(policy.Egress))
            {
                if (PolicyChecks.IsMalformed(rule, strictCidr))
                {
                    _malformed.Add(rule);
                }

                foreach (var peer in rule.Peers)
                {
                    if (peer.IsIpBlock && peer.Cidr is { } text && Cidr.Parse(text.Value) is { } block)
                    {
                        var except = new Cidr[peer.Except.Count];
                        var parsed = 0;
                        foreach (var entry in peer.Except)
                        {
                            if (Cidr.Parse(entry.Value) is { } range)
                            {
                                except[parsed++] = range;
                            }
                        }

                        _blocks[peer] = new BlockVerdicts(ForPods: BlockMatchesPods(block, new ReadOnlySpan<Cidr>(except, 0, parsed)), ForOutside: block.IsWholeFamily ? Verdict.Yes : Verdict.Unknown);
                    }
                }
            }
        }

        // With a policy in the input every pod takes part in verdicts (KL705 judges each): their endpoints are made up
        // front on every core, and then only read; rules adding them one by one on two cores contended for the table.
        _endpoints = new(snapshot.PodPositions, PolicyEndpoint.Of, Any ? Cores.Map(snapshot.PodTemplates, PolicyEndpoint.Of) : null);
    }

    /// <summary>The configured pod address ranges that parse.</summary>
    public IReadOnlyList<Cidr> PodCidrs { get; }

    /// <summary>The input has a served policy: without one no pod is isolated, and every connection is allowed.</summary>
    public bool Any => _byNamespace.Count > 0;

    /// <summary>The served policies of a namespace, in input order.</summary>
    public IReadOnlyList<NetworkPolicyObject> In(string ns) => _byNamespace.TryGetValue(ns, out var list) ? list : Array.Empty<NetworkPolicyObject>();

    /// <summary>The pods of a template as one end of a connection (computed once per template).</summary>
    public PolicyEndpoint Endpoint(PodTemplate pod) => _endpoints[pod];

    /// <summary>Whether the policy selects the pods: same namespace and its <c>podSelector</c> matches (absent or <c>{}</c>: every pod).</summary>
    public static Verdict Selects(NetworkPolicyObject policy, PolicyEndpoint pod) =>
        pod.IsOutside || policy.Namespace != pod.Namespace ? Verdict.No
        : policy.PodSelector is { } selector ? Verdicts.MatchPod(selector, pod.Labels) : Verdict.Yes;

    /// <summary>Whether some policy selecting the pods enforces this direction.</summary>
    public Verdict Isolated(PolicyEndpoint pod, PolicyDirection direction) => IsolationOf(pod, direction).Isolated;

    private Isolation IsolationOf(PolicyEndpoint pod, PolicyDirection direction) => (pod.Pod, direction) switch
    {
        ({ } template, PolicyDirection.Ingress) => _ingressIsolation[template],
        ({ } template, _) => _egressIsolation[template],
        (null, PolicyDirection.Ingress) => _builtInIngressIsolation[pod],
        _ => _builtInEgressIsolation[pod],
    };

    /// <summary>How surely each policy of the pods' namespace isolates them in the direction; the isolation of pods isolated alike is one object.</summary>
    private Isolation Classify(PolicyEndpoint pod, PolicyDirection direction)
    {
        var policies = In(pod.Namespace);
        Span<Verdict> selects = policies.Count <= 64 ? stackalloc Verdict[policies.Count] : new Verdict[policies.Count];
        for (var i = 0; i < policies.Count; i++)
        {
            selects[i] = MayEnforce(policies[i], direction) ? Isolates(policies[i], pod, direction) : Verdict.No;
        }

        var kinds = direction == PolicyDirection.Ingress ? _ingressKinds : _egressKinds;
        return (kinds.TryGetValue(pod.Namespace, out var known) ? known : kinds.GetOrAdd(pod.Namespace, new IsolationKinds(pod.Namespace, policies))).Of(selects);
    }

    /// <summary>The rule holds a port or peer the API server rejects (judged with the target version): it counts as unknown.</summary>
    public bool IsRejected(PolicyRule rule) => _malformed.Contains(rule);

    /// <summary>The API server rejects the policy's <c>policyTypes</c> (KL819): whether and how it isolates is unknown.</summary>
    public bool TypesRejected(NetworkPolicyObject policy) => _typesRejected.Contains(policy);

    /// <summary>The policy enforces the direction, or its <c>policyTypes</c> are rejected (KL819) and it may.</summary>
    public bool MayEnforce(NetworkPolicyObject policy, PolicyDirection direction) => policy.Enforces(direction) || _typesRejected.Contains(policy);

    /// <summary>
    /// Whether the policy isolates the pods in a direction it enforces: it selects them. Ingress isolation caused only by
    /// an <c>egress: []</c> that KL704 reports is unknown (not what the author asked for), and so is any isolation by a
    /// policy whose <c>policyTypes</c> the API server rejects.
    /// </summary>
    private Verdict Isolates(NetworkPolicyObject policy, PolicyEndpoint pod, PolicyDirection direction)
    {
        var selects = pod.Pod is { } template && !_snapshot.Alternatives.GoTogether(policy, template.Owner) ? Verdict.No : Selects(policy, pod);
        var unknown = _typesRejected.Contains(policy) || (direction == PolicyDirection.Ingress && _snapshot.PolicyDefects.IngressIsolationIsUnknown(policy));
        return selects != Verdict.No && unknown ? Verdict.Unknown : selects;
    }

    /// <summary>
    /// Whether traffic from <paramref name="source"/> to <paramref name="destination"/> on the destination pod's
    /// <paramref name="port"/> (after the Service's translation) is allowed: both the source's egress and the
    /// destination's ingress must allow it. Unknown when either end uses the node's network.
    /// </summary>
    public ConnectionVerdict Allowed(PolicyEndpoint source, PolicyEndpoint destination, int port, string protocol)
    {
        if (source.HostNetwork || destination.HostNetwork)
        {
            return new ConnectionVerdict(Verdict.Unknown, DirectionVerdict.Undecided, DirectionVerdict.Undecided);
        }

        var egress = Allows(source, PolicyDirection.Egress, destination, destination, port, protocol);
        var ingress = Allows(destination, PolicyDirection.Ingress, source, destination, port, protocol);
        return new ConnectionVerdict(egress.Verdict.And(ingress.Verdict), egress, ingress);
    }

    /// <summary>
    /// Whether the policies of <paramref name="pod"/> allow the connection in <paramref name="direction"/> with
    /// <paramref name="peer"/> (allowed when not isolated, or when a rule of a selecting policy matches port and peer).
    /// A denial counts only where the input holds the namespace's policies: elsewhere a policy not in the input could
    /// allow more, and the verdict is unknown.
    /// </summary>
    public DirectionVerdict Allows(PolicyEndpoint pod, PolicyDirection direction, PolicyEndpoint peer, PolicyEndpoint destination, int port, string protocol)
    {
        if (pod.IsOutside)
        {
            return DirectionVerdict.Open;
        }

        var isolation = IsolationOf(pod, direction);
        if (direction == PolicyDirection.Ingress || peer != destination)
        {
            return Judge(isolation, direction, peer, destination, port, protocol);
        }

        return isolation.KnownEgress(destination, port, protocol) ?? isolation.KeepEgress(destination, port, protocol, Judge(isolation, direction, peer, destination, port, protocol));
    }

    /// <summary><see cref="Allows"/> for pods with this isolation: nothing else of the pods counts.</summary>
    private DirectionVerdict Judge(Isolation isolation, PolicyDirection direction, PolicyEndpoint peer, PolicyEndpoint destination, int port, string protocol)
    {
        var allowed = Verdict.No;
        PolicyRule? allowedBy = null;
        PolicyRule? nearest = null;
        PolicyRule? undecided = null;
        var nearestMatchesPort = false;
        for (var i = 0; i < isolation.Policies.Count; i++)
        {
            var policy = isolation.Policies[i];
            var selects = isolation.Selects[i];
            if (selects == Verdict.No)
            {
                continue;
            }

            var rules = policy.Rules(direction);
            for (var r = 0; r < rules.Count; r++)
            {
                var rule = rules[r];
                var ports = PortsMatch(rule, destination, port, protocol, _snapshot.PolicyDefects);
                var peers = PeersMatch(rule, policy.Namespace, peer);
                var matches = _malformed.Contains(rule) ? Verdict.Unknown : ports.And(peers);
                allowed = allowed.Or(selects.And(matches));
                if (matches == Verdict.Yes && selects == Verdict.Yes)
                {
                    allowedBy ??= rule;
                }
                else if (matches == Verdict.No && (ports == Verdict.Yes || peers == Verdict.Yes))
                {
                    nearestMatchesPort = nearest is null ? ports == Verdict.Yes : nearestMatchesPort;
                    nearest ??= rule;
                }
                else if (selects.And(matches) == Verdict.Unknown)
                {
                    undecided ??= rule;
                }
            }
        }

        var verdict = isolation.Isolated.Not().Or(allowed);
        if (verdict == Verdict.No && !_snapshot.OwnsNamespace(isolation.Namespace))
        {
            verdict = Verdict.Unknown;
        }

        return verdict == Verdict.Yes && isolation.Isolated == Verdict.No ? DirectionVerdict.Open : new DirectionVerdict(verdict, isolation.Isolating, allowedBy, verdict == Verdict.No ? nearest : null, verdict == Verdict.Unknown ? undecided : null, nearestMatchesPort);
    }

    /// <summary>
    /// The kinds of isolation of a namespace's pods in one direction, each found by its verdicts: pods isolated alike
    /// share one, and a pod of a kind already found allocates nothing.
    /// </summary>
    private sealed class IsolationKinds(string ns, IReadOnlyList<NetworkPolicyObject> policies)
    {
        // By a hash of the verdicts; the few kinds with one hash are told apart by the verdicts themselves.
        private readonly Dictionary<int, List<Isolation>> _byHash = [];

        public Isolation Of(ReadOnlySpan<Verdict> selects)
        {
            var hash = 17;
            foreach (var verdict in selects)
            {
                hash = (hash * 31) + (int)verdict;
            }

            lock (_byHash)
            {
                if (!_byHash.TryGetValue(hash, out var alike))
                {
                    alike = [];
                    _byHash[hash] = alike;
                }

                foreach (var isolation in alike)
                {
                    if (isolation.IsolatesAlike(selects))
                    {
                        return isolation;
                    }
                }

                var found = new Isolation(ns, policies, selects.ToArray());
                alike.Add(found);
                return found;
            }
        }
    }

    /// <summary>
    /// The policies of the pods' namespace and how surely each isolates them in one direction (no, when it may not
    /// enforce it or does not select them): what every connection of those pods in that direction is judged against.
    /// </summary>
    private sealed class Isolation
    {
        // The egress verdicts of these pods, judged once per destination, port and protocol: nothing else of the pods counts.
        private readonly Dictionary<PolicyEndpoint, List<EgressVerdict>> _egress = [];

        public Isolation(string ns, IReadOnlyList<NetworkPolicyObject> policies, Verdict[] selects)
        {
            Namespace = ns;
            Policies = policies;
            Selects = selects;
            var isolating = new List<NetworkPolicyObject>();
            for (var i = 0; i < Policies.Count; i++)
            {
                Isolated = Isolated.Or(Selects[i]);
                if (Selects[i] == Verdict.Yes)
                {
                    isolating.Add(Policies[i]);
                }
            }

            Isolating = Kept.Of(isolating);
        }

        public string Namespace { get; }

        /// <summary>The served policies of the pods' namespace, in input order.</summary>
        public IReadOnlyList<NetworkPolicyObject> Policies { get; }

        /// <summary>How surely each of <see cref="Policies"/> isolates the pods.</summary>
        public Verdict[] Selects { get; }

        /// <summary>The policies that certainly isolate the pods.</summary>
        public IReadOnlyList<NetworkPolicyObject> Isolating { get; }

        public Verdict Isolated { get; }

        public bool IsolatesAlike(ReadOnlySpan<Verdict> selects)
        {
            for (var i = 0; i < selects.Length; i++)
            {
                if (Selects[i] != selects[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The egress verdict to the destination's port, when already judged.</summary>
        public DirectionVerdict? KnownEgress(PolicyEndpoint destination, int port, string protocol)
        {
            lock (_egress)
            {
                return _egress.TryGetValue(destination, out var verdicts) ? Find(verdicts, port, protocol) : null;
            }
        }

        /// <summary>Keeps a verdict judged for the destination's port, unless another thread kept one first (every caller gets the one kept).</summary>
        public DirectionVerdict KeepEgress(PolicyEndpoint destination, int port, string protocol, DirectionVerdict verdict)
        {
            lock (_egress)
            {
                if (!_egress.TryGetValue(destination, out var verdicts))
                {
                    verdicts = [];
                    _egress[destination] = verdicts;
                }

                if (Find(verdicts, port, protocol) is { } kept)
                {
                    return kept;
                }

                verdicts.Add(new EgressVerdict(port, protocol, verdict));
                return verdict;
            }
        }

        private static DirectionVerdict? Find(List<EgressVerdict> verdicts, int port, string protocol)
        {
            foreach (var known in verdicts)
            {
                if (known.Port == port && known.Protocol == protocol)
                {
                    return known.Verdict;
                }
            }

            return null;
        }
    }

    /// <summary>No ports: every port. Otherwise one entry must match the protocol and the port (a name on the destination pod's ports).</summary>
    private static Verdict PortsMatch(PolicyRule rule, PolicyEndpoint destination, int port, string protocol, PolicyDefects defects)
    {
        if (rule.Ports.Count == 0)
        {
            return Verdict.Yes;
        }

        var result = Verdict.No;
        for (var i = 0; i < rule.Ports.Count; i++)
        {
            var entry = rule.Ports[i];
            result = result.Or(defects.IsDefective(entry) ? Verdict.Unknown : Verdicts.Of(entry.Protocol == protocol && entry.Port switch
            {
                null => true,
                { Number: { } number } => entry.EndPort is { } end ? port >= number && port <= end.Value : port == number,
                { Name: { } name } => HasNamedPort(destination, name, port, protocol),
                _ => false,
            }));
        }

        return result;
    }

    private static bool HasNamedPort(PolicyEndpoint destination, string name, int port, string protocol)
    {
        var ports = destination.NamedPorts;
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Name == name && ports[i].Number == port && ports[i].Protocol == protocol)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No peers: anyone. Otherwise one peer must match.</summary>
    private Verdict PeersMatch(PolicyRule rule, string policyNamespace, PolicyEndpoint peer)
    {
        if (rule.Peers.Count == 0)
        {
            return Verdict.Yes;
        }

        var result = Verdict.No;
        for (var i = 0; i < rule.Peers.Count; i++)
        {
            var p = rule.Peers[i];
            result = result.Or(_snapshot.PolicyDefects.IsDefective(p) ? Verdict.Unknown : PeerMatches(p, policyNamespace, peer));
        }

        return result;
    }

    private Verdict PeerMatches(PolicyPeer peer, string policyNamespace, PolicyEndpoint endpoint)
    {
        if (peer.IsIpBlock)
        {
            return _blocks.TryGetValue(peer, out var block) ? endpoint.IsOutside ? block.ForOutside : block.ForPods : Verdict.Unknown;
        }

        if (endpoint.IsOutside)
        {
            return endpoint.MayBeInCluster ? Verdict.Unknown : Verdict.No;
        }

        var ns = peer.NamespaceSelector is { } namespaces
            ? _snapshot.NamespaceLabels.Matches(namespaces, endpoint.Namespace)
            : Verdicts.Of(endpoint.Namespace == policyNamespace);
        return ns.And(peer.PodSelector is { } pods ? Verdicts.MatchPod(pods, endpoint.Labels) : Verdict.Yes);
    }

    /// <summary>
    /// An address block against the pods of the input (§4.5): yes for a whole-family block whose exceptions miss every
    /// range pods may use (the configured pod CIDRs, else the private ranges); no for a block outside those ranges (and
    /// always where the CNI does not match pod addresses with ipBlock); unknown otherwise. For an outside address the
    /// verdict is yes for a whole-family block, else unknown.
    /// </summary>
    /// <remarks>Loops rather than LINQ: LINQ over the <see cref="Cidr"/> struct is compiled at run time, for a few blocks.</remarks>
    private Verdict BlockMatchesPods(Cidr block, ReadOnlySpan<Cidr> except)
    {
        if (!_snapshot.Options.IpBlockMatchesPods || !Overlaps(block, _podRanges))
        {
            return Verdict.No;
        }

        if (!block.IsWholeFamily)
        {
            return Verdict.Unknown;
        }

        var exceptsPods = false;
        foreach (var range in except)
        {
            exceptsPods |= Overlaps(range, _podRanges);
        }

        if (!exceptsPods)
        {
            return Verdict.Yes;
        }

        if (PodCidrs.Count == 0)
        {
            return Verdict.Unknown;
        }

        for (var i = 0; i < PodCidrs.Count; i++)
        {
            if (block.Overlaps(PodCidrs[i]) && !Covers(except, PodCidrs[i]))
            {
                return Verdict.Unknown;
            }
        }

        return Verdict.No;
    }

    private static bool Overlaps(Cidr block, IReadOnlyList<Cidr> ranges)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (block.Overlaps(ranges[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(ReadOnlySpan<Cidr> blocks, Cidr range)
    {
        foreach (var block in blocks)
        {
            if (block.Contains(range))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record BlockVerdicts(Verdict ForPods, Verdict ForOutside);

    /// <summary>The egress verdict of pods with one isolation to a port of a destination.</summary>
    private sealed record EgressVerdict(int Port, string Protocol, DirectionVerdict Verdict);
}
