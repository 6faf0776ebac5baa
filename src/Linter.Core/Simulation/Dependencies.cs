using Linter.Core.Model;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Simulation;

/// <summary>One endpoint a dependency reaches: pods of a template on a pod port, or an address outside the cluster.</summary>
public sealed record DependencyTarget(PolicyEndpoint Endpoint, int Port, string Protocol);

/// <summary>
/// A connection a pod is configured to make (a declared dependency, RULES.md KL706): a name it uses, resolved by the
/// DNS simulation to the pods and pod ports behind it (after the Service's translation), or to a destination
/// outside the cluster. <see cref="Ports"/> groups the targets by service port: with no port written, every port of
/// the Service is a way in, and the connection fails only when all of them do.
/// </summary>
public sealed record Dependency(NameReference Reference, string Destination, IReadOnlyList<IReadOnlyList<DependencyTarget>> Ports)
{
    public bool IsOutside => Ports.Count > 0 && Ports[0].Count > 0 && Ports[0][0].Endpoint.IsOutside;
}

/// <summary>
/// The declared dependencies of each pod template: the names it uses (its spec and the ConfigMaps it reads) that
/// resolve to a Service with endpoints, a headless Service's pods, a pod record, or a destination outside the cluster
/// (an ExternalName Service, a dotted name that is not a cluster name, the built-in <c>kubernetes</c> Service).
/// Names that resolve to nothing, ports the Service does not expose and service ports without endpoints are left
/// out: other rules report them; so are pods of a folder that is an alternative to the source's
/// (<see cref="AlternativeFolders"/>). Computed per pod on first use.
/// </summary>
public sealed class Dependencies
{
    private readonly ClusterSnapshot _snapshot;
    private readonly PodTable<IReadOnlyList<Dependency>> _byPod;

    public Dependencies(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _byPod = new(snapshot.PodPositions, Connections);
    }

    public IReadOnlyList<Dependency> Of(PodTemplate pod) => _byPod[pod];

    /// <summary>
    /// The verdict of NetworkPolicies on one target of a dependency of <paramref name="source"/>: an outside
    /// destination is decided by the source's egress only (unknown for a hostNetwork source), a pod by both ends.
    /// </summary>
    public ConnectionVerdict Verdict(PolicyEndpoint source, DependencyTarget target)
    {
        if (!target.Endpoint.IsOutside)
        {
            return _snapshot.Policies.Allowed(source, target.Endpoint, target.Port, target.Protocol);
        }

        var egress = source.HostNetwork ? DirectionVerdict.Undecided : _snapshot.Policies.Allows(source, PolicyDirection.Egress, target.Endpoint, target.Endpoint, target.Port, target.Protocol);
        return new ConnectionVerdict(egress.Verdict, egress, DirectionVerdict.Open);
    }

    /// <summary>
    /// The connection a name used by <paramref name="source"/> makes: the pod ports behind it or an outside destination;
    /// null when it reaches no pod, or needs a port that is not known (a pod, a headless Service, an outside name).
    /// </summary>
    public Dependency? Connection(PodTemplate source, NameReference reference)
    {
        var answer = reference.Answer;
        if (answer.Service is { IsExternalName: true } || answer.BuiltIn is { Name: "kubernetes", Namespace: "default" } ||
            (answer.Outcome == DnsOutcome.External && reference.Host.IndexOf('.') > 0 && !System.Net.IPAddress.TryParse(reference.Host, out _)))
        {
            return reference.Port is { } port
                ? new Dependency(reference, reference.Host, [[new DependencyTarget(PolicyEndpoint.Outside(reference.Host, MayBeInCluster(reference.Host)), port, "TCP")]])
                : null;
        }

        if (answer.Pod is { } record)
        {
            return reference.Port is { } port && record.Pod != source && _snapshot.Alternatives.GoTogether(source.Owner, record.Pod.Owner)
                ? new Dependency(reference, answer.Describe(), [[new DependencyTarget(_snapshot.Policies.Endpoint(record.Pod), port, "TCP")]])
                : null;
        }

        if (answer.Service is not { } service)
        {
            return null;
        }

        var resolution = _snapshot.Resolve(service);
        // Loops: every pod's names resolve here, and queries made closures (one at the start of this method, for every name).
        if (service.IsHeadless)
        {
            if (reference.Port is not { } podPort)
            {
                return null;
            }

            var pods = new List<DependencyTarget>();
            foreach (var pod in resolution.Selected)
            {
                if (Together(source, pod))
                {
                    pods.Add(new DependencyTarget(_snapshot.Policies.Endpoint(pod), podPort, "TCP"));
                }
            }

            return Targets(reference, answer, [pods]);
        }

        var ports = new List<IReadOnlyList<DependencyTarget>>();
        for (var i = 0; i < resolution.Ports.Count; i++)
        {
            var port = resolution.Ports[i];
            if (reference.Port is { } number && port.Port.Port?.Value != number)
            {
                continue;
            }

            var targets = new List<DependencyTarget>();
            for (var b = 0; b < port.Backends.Count; b++)
            {
                var backend = port.Backends[b];
                if (backend.TargetNumber is { } target && Together(source, backend.Pod))
                {
                    targets.Add(new DependencyTarget(_snapshot.Policies.Endpoint(backend.Pod), target, port.Port.Protocol));
                }
            }

            ports.Add(targets);
        }

        return Targets(reference, answer, ports);
    }

    /// <summary>The connections of the names the pod uses, in their order.</summary>
    private IReadOnlyList<Dependency> Connections(PodTemplate pod)
    {
        List<Dependency>? found = null;
        foreach (var reference in _snapshot.Names.UsedBy(pod))
        {
            if (Connection(pod, reference) is { } dependency)
            {
                (found ??= []).Add(dependency);
            }
        }

        return found is null ? [] : found;
    }

    /// <summary>Another pod than the source, of a folder that is not an alternative to the source's.</summary>
    private bool Together(PodTemplate source, PodTemplate destination) => destination != source && _snapshot.Alternatives.GoTogether(source.Owner, destination.Owner);

    /// <summary>Two labels (<c>prometheus.monitoring</c>) may be a Service of a namespace the input does not know.</summary>
    private static bool MayBeInCluster(string host) => host.Split('.').Length == 2;

    /// <summary>A dependency when every way in reaches some pod (a port without endpoints is another rule's finding).</summary>
    private static Dependency? Targets(NameReference reference, DnsAnswer answer, IReadOnlyList<IReadOnlyList<DependencyTarget>> ports) =>
        ports.Count > 0 && ports.All(p => p.Count > 0) ? new Dependency(reference, answer.Describe(), ports) : null;
}
