using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>A non-empty <c>spec.podSelector</c> that selects no pod of its known namespace, which holds pods of the input (KL701).</summary>
public sealed record SelectorDefect(NetworkPolicyObject Policy, ScalarNode At, IReadOnlyList<PodTemplate> Candidates);

/// <summary>
/// A peer that selects no pod of its closed scope (KL702): <see cref="NoNamespace"/> when no namespace of the scope
/// matches the <c>namespaceSelector</c>, otherwise no pod of the scope matches the <c>podSelector</c>.
/// <see cref="Elsewhere"/>: for a <c>podSelector</c> alone, a template of another namespace that it would match.
/// </summary>
public sealed record PeerDefect(PolicyRule Rule, PolicyPeer Peer, ScalarNode At, IReadOnlyList<string> Scope, bool NoNamespace, PodTemplate? Elsewhere);

/// <summary>
/// A rule port the destination pods do not listen on (KL703): a name none of them declares with the rule's protocol
/// (<see cref="OtherProtocol"/> when it exists with another one), or a number none declares that equals the
/// <c>port</c> of a Service selecting them with another target (<see cref="Service"/>, <see cref="Target"/>).
/// </summary>
public sealed record PortDefect(PolicyRule Rule, PolicyPort Port, IReadOnlyList<PodTemplate> Destinations, string? OtherProtocol, ServiceObject? Service, int? Target);

/// <summary>
/// Rules for a direction the policy does not enforce (KL704), or (<see cref="EmptyEgress"/>) <c>egress: []</c> written
/// without <c>policyTypes</c>, which defaulting turns into an Ingress-only policy.
/// </summary>
public sealed record DirectionDefect(NetworkPolicyObject Policy, PolicyDirection Direction, ScalarNode At, bool EmptyEgress);

/// <summary>
/// The parts of the input's NetworkPolicies that cannot mean what they say (KL701–KL704), judged once. The rules
/// report them; the evaluation (<see cref="NetworkPolicies"/>) counts a reported peer or port, and the ingress
/// isolation an <c>egress: []</c> policy causes, as unknown (RULES.md, traffic ground rule 4). Pods are found through
/// the label index of each namespace in scope, never by scanning every pod.
/// </summary>
public sealed class PolicyDefects
{
    private readonly ClusterSnapshot _snapshot;
    private readonly HashSet<PolicyPeer> _defectivePeers = [];
    private readonly HashSet<PolicyPort> _defectivePorts = [];
    private readonly HashSet<NetworkPolicyObject> _ingressUnknown = [];
    private readonly List<SelectorDefect> _selectors = [];
    private readonly List<PeerDefect> _peerDefects = [];
    private readonly List<PortDefect> _portDefects = [];
    private readonly List<DirectionDefect> _directions = [];

    /// <summary>Each peer's closed scope and what it selects there (null: no closed scope), worked out once while judging.</summary>
    private readonly Dictionary<PolicyPeer, PeerSelection?> _selections = [];

    /// <summary>Namespaces where the input holds pod templates of kinds it does not model (an OpenShift DeploymentConfig, an Argo Rollout).</summary>
    private readonly HashSet<string> _opaquePods = new(StringComparer.Ordinal);

    internal PolicyDefects(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        foreach (var obj in snapshot.Objects)
        {
            if (obj.GetType() == typeof(KubeObject) && obj.HasPodTemplateMetadata)
            {
                _opaquePods.Add(obj.Namespace);
            }
        }

        foreach (var policy in snapshot.Objects.OfType<NetworkPolicyObject>())
        {
            Judge(policy);
        }

        _defectivePeers.UnionWith(_peerDefects.Select(d => d.Peer));
        _defectivePorts.UnionWith(_portDefects.Select(d => d.Port));
    }

    public IReadOnlyList<SelectorDefect> Selectors => _selectors;

    public IReadOnlyList<PeerDefect> Peers => _peerDefects;

    public IReadOnlyList<PortDefect> Ports => _portDefects;

    public IReadOnlyList<DirectionDefect> Directions => _directions;

    /// <summary>KL702 reports this peer.</summary>
    public bool IsDefective(PolicyPeer peer) => _defectivePeers.Contains(peer);

    /// <summary>KL703 reports this port.</summary>
    public bool IsDefective(PolicyPort port) => _defectivePorts.Contains(port);

    /// <summary>The policy isolates its pods for ingress only because of an <c>egress: []</c> that KL704 reports.</summary>
    public bool IngressIsolationIsUnknown(NetworkPolicyObject policy) => _ingressUnknown.Contains(policy);

    /// <summary>
    /// The pods of a closed namespace (known, holding pods of the input, none of a kind the input does not model) that the selector matches: yes with the
    /// templates, no, or unknown (a label only a controller knows); null for a namespace that is not closed.
    /// </summary>
    public (Verdict Verdict, IReadOnlyList<PodTemplate> Pods)? PodsIn(string ns, LabelSelector? selector)
    {
        var all = _snapshot.Labels.InNamespace(ns);
        if (all.Count == 0 || !_snapshot.OwnsNamespace(ns) || _opaquePods.Contains(ns))
        {
            return null;
        }

        if (selector is null || selector.IsEmpty)
        {
            return (Verdict.Yes, all);
        }

        var result = Verdict.No;
        var candidates = _snapshot.Labels.Select(ns, selector.Pairs);
        var pods = new List<PodTemplate>(candidates.Count);
        foreach (var pod in candidates)
        {
            var match = Verdicts.MatchPod(selector, _snapshot.Policies.Endpoint(pod).Labels);
            result = result.Or(match);
            if (match == Verdict.Yes)
            {
                pods.Add(pod);
            }
        }

        return (result, pods);
    }

    /// <summary>
    /// The namespaces a peer can select when its scope is closed: the policy's for a <c>podSelector</c> alone, the
    /// names a <c>namespaceSelector</c> restricts <c>kubernetes.io/metadata.name</c> to (each closed); otherwise null.
    /// </summary>
    public IReadOnlyList<string>? Scope(NetworkPolicyObject policy, PolicyPeer peer)
    {
        if (peer.IsIpBlock || PolicyChecks.Problems(peer).Any())
        {
            return null;
        }

        IReadOnlyList<string>? names = peer.NamespaceSelector is { } namespaces ? NamesOf(namespaces) : [policy.Namespace];
        return names is { Count: > 0 } && names.All(ns => PodsIn(ns, null) is not null) ? names : null;
    }

    /// <summary>The names an <c>In</c> (or matchLabels) requirement on <c>kubernetes.io/metadata.name</c> allows; null without one.</summary>
    private static IReadOnlyList<string>? NamesOf(LabelSelector selector)
    {
        if (!selector.IsValid)
        {
            return null;
        }

        IEnumerable<string>? names = null;
        foreach (var requirement in selector.Requirements.Where(r => r is { Key: NamespaceLabels.NameLabel, Operator: SelectorOperator.In }))
        {
            names = names is null ? requirement.Values : names.Intersect(requirement.Values, StringComparer.Ordinal);
        }

        return names?.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The pods a peer with a closed scope selects (yes, no or unknown), and whether some namespace of the scope matches.</summary>
    public (Verdict Verdict, IReadOnlyList<PodTemplate> Pods, Verdict NamespaceMatches) Select(PolicyPeer peer, IReadOnlyList<string> scope)
    {
        var verdict = Verdict.No;
        var namespaceMatches = Verdict.No;
        IReadOnlyList<PodTemplate> pods = [];
        foreach (var ns in scope)
        {
            var nsMatch = peer.NamespaceSelector is { } namespaces ? _snapshot.NamespaceLabels.Matches(namespaces, ns) : Verdict.Yes;
            namespaceMatches = namespaceMatches.Or(nsMatch);
            if (nsMatch == Verdict.No || PodsIn(ns, peer.PodSelector) is not { } selected)
            {
                continue;
            }

            verdict = verdict.Or(nsMatch.And(selected.Verdict));
            pods = Joined(pods, selected.Pods);
        }

        return (verdict, pods, namespaceMatches);
    }

    private void Judge(NetworkPolicyObject policy)
    {
        // The pods the policy selects: what KL701 judges, and the destinations of every ingress rule.
        var selected = PodsIn(policy.Namespace, policy.PodSelector);
        if (policy is { PodSelectorKey: { } key, PodSelector.IsEmpty: false } && selected is { Verdict: Verdict.No })
        {
            _selectors.Add(new SelectorDefect(policy, key, _snapshot.Labels.InNamespace(policy.Namespace)));
        }

        JudgeDirections(policy);
        JudgePeers(policy.Ingress);
        JudgePeers(policy.Egress);
        var destinations = selected is { Verdict: Verdict.Yes } ? selected.Value.Pods : null;
        foreach (var rule in policy.Ingress)
        {
            JudgePorts(rule, destinations);
        }

        foreach (var rule in policy.Egress)
        {
            JudgePorts(rule, destinations);
        }
    }

    private void JudgePeers(IReadOnlyList<PolicyRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var peer in rule.Peers)
            {
                JudgePeer(rule, peer);
            }
        }
    }

    private void JudgeDirections(NetworkPolicyObject policy)
    {
        if (policy.PolicyTypes.Count > 0)
        {
            // A value other than Ingress or Egress makes the API server refuse the whole policy (a validation rule's finding).
            if (policy.PolicyTypes.Any(t => t.Value is not ("Ingress" or "Egress")))
            {
                return;
            }

            foreach (var direction in new[] { PolicyDirection.Ingress, PolicyDirection.Egress })
            {
                var key = direction == PolicyDirection.Ingress ? policy.IngressKey : policy.EgressKey;
                if (key is not null && policy.Rules(direction).Count > 0 && !policy.Enforces(direction))
                {
                    _directions.Add(new DirectionDefect(policy, direction, key, false));
                }
            }
        }
        else if (policy is { PolicyTypesKey: null, EgressKey: { } egress, Egress.Count: 0, EgressIsList: true })
        {
            _directions.Add(new DirectionDefect(policy, PolicyDirection.Egress, egress, true));
            if (policy.IngressKey is null)
            {
                _ingressUnknown.Add(policy);
            }
        }
    }

    private void JudgePeer(PolicyRule rule, PolicyPeer peer)
    {
        if (Selection(rule.Policy, peer) is not { Verdict: Verdict.No } selection)
        {
            return;
        }

        if (selection.NamespaceMatches == Verdict.No && peer.NamespaceSelectorKey is { } nsKey)
        {
            _peerDefects.Add(new PeerDefect(rule, peer, nsKey, selection.Scope, true, null));
        }
        else if (selection.NamespaceMatches == Verdict.Yes && peer.PodSelectorKey is { } podKey)
        {
            var elsewhere = peer.NamespaceSelectorKey is null ? MatchElsewhere(rule.Policy.Namespace, peer.PodSelector!) : null;
            _peerDefects.Add(new PeerDefect(rule, peer, podKey, selection.Scope, false, elsewhere));
        }
    }

    private PeerSelection? Selection(NetworkPolicyObject policy, PolicyPeer peer)
    {
        if (!_selections.TryGetValue(peer, out var selection))
        {
            if (Scope(policy, peer) is { } scope)
            {
                var (verdict, pods, namespaceMatches) = Select(peer, scope);
                selection = new PeerSelection(scope, verdict, pods, namespaceMatches);
            }

            _selections[peer] = selection;
        }

        return selection;
    }

    /// <summary>The first template of another namespace (sorted) that the selector certainly matches.</summary>
    private PodTemplate? MatchElsewhere(string except, LabelSelector selector)
    {
        return _snapshot.Labels.SelectElsewhere(except, selector.Pairs)
            .FirstOrDefault(p => Verdicts.MatchPod(selector, _snapshot.Policies.Endpoint(p).Labels) == Verdict.Yes);
    }

    /// <summary>
    /// The destination pods of a rule when they are all known: the pods the policy certainly selects (ingress, <paramref name="selected"/>)
    /// or the pods of closed <c>to</c> peers (egress).
    /// </summary>
    private IReadOnlyList<PodTemplate>? Destinations(PolicyRule rule, IReadOnlyList<PodTemplate>? selected)
    {
        if (rule.Direction == PolicyDirection.Ingress)
        {
            return selected;
        }

        if (rule.Peers.Count == 0)
        {
            return null;
        }

        IReadOnlyList<PodTemplate> pods = [];
        foreach (var peer in rule.Peers)
        {
            if (Selection(rule.Policy, peer) is not { } selection || selection.Verdict == Verdict.Unknown)
            {
                return null;
            }

            pods = Joined(pods, selection.Pods);
        }

        return pods.Count > 0 ? pods : null;
    }

    /// <summary>
    /// The pods of both lists, each once, in order: a list itself when the other adds nothing (most rules have one peer,
    /// most scopes one namespace), so that a selection is shared rather than copied.
    /// </summary>
    private static IReadOnlyList<PodTemplate> Joined(IReadOnlyList<PodTemplate> first, IReadOnlyList<PodTemplate> second)
    {
        if (first.Count == 0 || ReferenceEquals(first, second))
        {
            return second;
        }

        return second.Count == 0 ? first : first.Concat(second).Distinct().ToList();
    }

    private void JudgePorts(PolicyRule rule, IReadOnlyList<PodTemplate>? selected)
    {
        if (rule.Ports.Count == 0 || rule.Ports.All(p => p.Port is null) || Destinations(rule, selected) is not { } pods)
        {
            return;
        }

        foreach (var entry in rule.Ports)
        {
            if (entry.Port is not { } port || PolicyChecks.Problems(entry).Any())
            {
                continue;
            }

            if (port.Name is { } name)
            {
                if (FirstDeclared(pods, name, null, entry.Protocol) is null)
                {
                    _portDefects.Add(new PortDefect(rule, entry, pods, FirstDeclared(pods, name, null, null)?.Protocol, null, null));
                }
            }
            else if (port.Number is { } number && entry.EndPort is null && FirstDeclared(pods, null, number, entry.Protocol) is null)
            {
                var translated = ServicePortTo(pods, number, entry.Protocol);
                if (translated is { } found)
                {
                    _portDefects.Add(new PortDefect(rule, entry, pods, null, found.Service, found.Target));
                }
            }
        }
    }

    /// <summary>
    /// The first port among those the running containers of the pods declare with this name or number and protocol (each
    /// when given), searched in place and without a closure: rules have ports by the thousand.
    /// </summary>
    private static ContainerPort? FirstDeclared(IReadOnlyList<PodTemplate> pods, string? name, int? number, string? protocol)
    {
        for (var i = 0; i < pods.Count; i++)
        {
            foreach (var container in pods[i].Spec.RunningContainers)
            {
                for (var p = 0; p < container.Ports.Count; p++)
                {
                    var port = container.Ports[p];
                    if ((name is null || port.Name == name) && (number is null || port.Number?.Value == number) && (protocol is null || port.Protocol == protocol))
                    {
                        return port;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A Service selecting one of the pods whose <c>port</c> is the number and whose target differs.</summary>
    private (ServiceObject Service, int Target)? ServicePortTo(IReadOnlyList<PodTemplate> pods, int number, string protocol)
    {
        var wanted = new HashSet<PodTemplate>(pods);
        foreach (var ns in pods.Select(p => p.Namespace).Distinct(StringComparer.Ordinal))
        {
            foreach (var service in _snapshot.ServicesIn(ns))
            {
                var resolution = _snapshot.Resolve(service);
                foreach (var port in resolution.Ports.Where(p => p.Port.Port?.Value == number && p.Port.Protocol == protocol))
                {
                    var backend = port.Backends.FirstOrDefault(b => wanted.Contains(b.Pod) && b.TargetNumber is { } t && t != number);
                    if (backend is { TargetNumber: { } target })
                    {
                        return (service, target);
                    }
                }
            }
        }

        return null;
    }

    private sealed record PeerSelection(IReadOnlyList<string> Scope, Verdict Verdict, IReadOnlyList<PodTemplate> Pods, Verdict NamespaceMatches);
}
