using System.Text.Json;
using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Output;

/// <summary>What NetworkPolicies decide for one target of a connection (pods of a template on a pod port, or an outside address).</summary>
internal sealed class TargetVerdict
{
    internal TargetVerdict(DependencyTarget target, ConnectionVerdict? verdict, string kind, string text, IReadOnlyList<string> decidedBy)
    {
        Target = target;
        Verdict = verdict;
        Kind = kind;
        Text = text;
        DecidedBy = decidedBy;
    }

    public DependencyTarget Target { get; }

    /// <summary>Null when NetworkPolicies are not enforced.</summary>
    public ConnectionVerdict? Verdict { get; }

    /// <summary>allowed, not isolated, denied, unknown or not enforced.</summary>
    public string Kind { get; }

    /// <summary>The verdict in words: what allows or denies it, or why it is unknown.</summary>
    public string Text { get; }

    /// <summary>The rules that allow it, the policies that deny it, or the rule that may match when unknown.</summary>
    public IReadOnlyList<string> DecidedBy { get; }

    /// <summary>The policies that isolate either end, source first.</summary>
    public IReadOnlyList<string> Isolating => Verdict is { } verdict
        ? verdict.Egress.Isolating.Concat(verdict.Ingress.Isolating).Select(p => p.ToString()).Distinct(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>The pods and port, as the connection list shows them: <c>Deployment redis 6379/TCP</c>.</summary>
    public string Label => $"{Target.Endpoint} {Target.Port}/{Target.Protocol}";
}

/// <summary>
/// The declared connections of a workload's pods (<see cref="Dependencies"/>) with the verdict of NetworkPolicies on
/// each target and the rule that decides it; <c>kubelint resolve --from NS/WORKLOAD</c> prints it.
/// </summary>
internal static class ConnectionVerdicts
{
    public const string NotEnforced = "NetworkPolicies are not enforced (cluster.networkPolicy.enforced: false)";

    /// <summary>The verdict on each target of a connection of <paramref name="source"/>, in the order of the dependency's ports.</summary>
    public static IReadOnlyList<TargetVerdict> Of(ClusterSnapshot snapshot, PodTemplate source, Dependency dependency)
    {
        var endpoint = snapshot.Policies.Endpoint(source);
        return dependency.Ports.SelectMany(p => p).Distinct().Select(t => Of(snapshot, endpoint, t)).ToList();
    }

    /// <summary>
    /// The verdict of the connection as a whole: allowed when some port reaches every pod behind it, denied when
    /// every port is denied to some pod.
    /// </summary>
    public static string Overall(Dependency dependency, IReadOnlyList<TargetVerdict> targets)
    {
        if (targets.Any(t => t.Verdict is null))
        {
            return "not enforced";
        }

        var verdicts = targets.ToDictionary(t => t.Target, t => t.Verdict!.Verdict);
        var verdict = dependency.Ports.Aggregate(Verdict.No, (any, port) => any.Or(port.Aggregate(Verdict.Yes, (all, t) => all.And(verdicts[t]))));
        return verdict switch
        {
            Verdict.Yes => targets.All(t => t.Kind == "not isolated") ? "not isolated" : "allowed",
            Verdict.No => "denied",
            _ => "unknown",
        };
    }

    public static TargetVerdict Of(ClusterSnapshot snapshot, PolicyEndpoint source, DependencyTarget target)
    {
        if (!snapshot.Options.NetworkPolicyEnforced)
        {
            return new TargetVerdict(target, null, "not enforced", NotEnforced, []);
        }

        var verdict = snapshot.Dependencies.Verdict(source, target);
        var outside = target.Endpoint.IsOutside;
        switch (verdict.Verdict)
        {
            case Verdict.Yes when verdict.Egress.AllowedBy is null && verdict.Ingress.AllowedBy is null:
                return new TargetVerdict(target, verdict, "not isolated", outside ? "not isolated (no policy isolates the source for egress)" : "not isolated", []);
            case Verdict.Yes:
                var rules = new[] { verdict.Egress.AllowedBy, verdict.Ingress.AllowedBy }.OfType<PolicyRule>().Select(r => r.ToString()).ToList();
                var parts = new List<string> { verdict.Egress.AllowedBy?.ToString() ?? "not isolated for egress" };
                if (!outside)
                {
                    parts.Add(verdict.Ingress.AllowedBy?.ToString() ?? "not isolated for ingress");
                }

                return new TargetVerdict(target, verdict, "allowed", $"allowed ({string.Join("; ", parts)})", rules);
            case Verdict.No:
                var egress = verdict.DeniedBy == PolicyDirection.Egress;
                var side = egress ? verdict.Egress : verdict.Ingress;
                var denying = side.Isolating.Count switch
                {
                    0 => "the policies of its namespace isolate",
                    1 => $"{side.Isolating[0]} isolates",
                    _ => $"NetworkPolicies {string.Join(", ", side.Isolating.Take(side.Isolating.Count - 1).Select(p => p.Name))} and {side.Isolating[side.Isolating.Count - 1].Name} isolate",
                };
                var text = $"denied by {(egress ? "egress" : "ingress")}: {denying} the {(egress ? "source" : "destination")} and no rule allows it" +
                    (side.Nearest is { } nearest ? $"; nearest: {nearest} matches the {(side.NearestMatchesPort ? "port, not the peer" : "peer, not the port")}" : string.Empty);
                return new TargetVerdict(target, verdict, "denied", text, side.Isolating.Select(p => p.ToString()).ToList());
            default:
                var undecided = verdict.Egress.Verdict == Verdict.Unknown ? verdict.Egress.MayMatch : verdict.Ingress.MayMatch;
                var reason = Unknown(snapshot, source, target, verdict);
                return new TargetVerdict(target, verdict, "unknown", reason is null ? "unknown (the input cannot decide)" : $"unknown: {reason}", undecided is null ? [] : [undecided.ToString()]);
        }
    }

    /// <summary>Why the verdict is unknown, as far as the evaluation tells: the first end (source first) that does not decide.</summary>
    private static string? Unknown(ClusterSnapshot snapshot, PolicyEndpoint source, DependencyTarget target, ConnectionVerdict verdict)
    {
        if (source.HostNetwork)
        {
            return "the source pods use the node's network (hostNetwork): no policy decides node traffic";
        }

        if (target.Endpoint.HostNetwork)
        {
            return "the destination pods use the node's network (hostNetwork): no policy decides node traffic";
        }

        var egress = verdict.Egress.Verdict == Verdict.Unknown;
        var side = egress ? verdict.Egress : verdict.Ingress;
        var pod = egress ? source : target.Endpoint;
        var peer = egress ? target.Endpoint : source;
        var direction = egress ? PolicyDirection.Egress : PolicyDirection.Ingress;
        var role = egress ? "source" : "destination";
        if (side.MayMatch is { } rule)
        {
            var why = PolicyReason(snapshot, rule.Policy, pod, direction, role) ?? RuleReason(snapshot, rule, peer);
            return why is null ? $"{rule} may match (the input cannot decide)" : $"{rule} may match; {why}";
        }

        return snapshot.Policies.In(pod.Namespace).Where(p => snapshot.Policies.MayEnforce(p, direction)).Select(p => PolicyReason(snapshot, p, pod, direction, role)).FirstOrDefault(r => r is not null)
            ?? (snapshot.OwnsNamespace(pod.Namespace) ? null : $"namespace {pod.Namespace} is not in the input: a policy there could allow it");
    }

    /// <summary>Why the input cannot tell whether the policy isolates the pods in that direction, if it cannot.</summary>
    private static string? PolicyReason(ClusterSnapshot snapshot, NetworkPolicyObject policy, PolicyEndpoint pod, PolicyDirection direction, string role)
    {
        var selects = NetworkPolicies.Selects(policy, pod);
        if (selects == Verdict.No)
        {
            return null;
        }

        if (snapshot.Policies.TypesRejected(policy))
        {
            return $"the API server rejects the policyTypes of {policy} (KL819), so whether it isolates the {role} is unknown";
        }

        if (selects == Verdict.Unknown)
        {
            return $"whether {policy} selects the {role} depends on a label only a controller knows";
        }

        return direction == PolicyDirection.Ingress && snapshot.PolicyDefects.IngressIsolationIsUnknown(policy)
            ? $"{policy} isolates the destination for ingress only through `egress: []`, which KL704 reports"
            : null;
    }

    /// <summary>Why a rule of a selecting policy may match, when the input tells.</summary>
    private static string? RuleReason(ClusterSnapshot snapshot, PolicyRule rule, PolicyEndpoint peer)
    {
        var defects = snapshot.PolicyDefects;
        if (snapshot.Policies.IsRejected(rule))
        {
            return "the API server rejects a part of it (KL819)";
        }

        if (rule.Ports.Any(defects.IsDefective))
        {
            return "KL703 reports its port";
        }

        if (rule.Peers.Any(defects.IsDefective))
        {
            return "KL702 reports its peer";
        }

        if (peer.IsOutside && peer.MayBeInCluster && !rule.Peers.Any(p => p.IsIpBlock))
        {
            var ns = peer.Description.Substring(peer.Description.IndexOf('.') + 1);
            return $"{peer} may be a Service of namespace {ns}, which is not in the input";
        }

        if (rule.Peers.Any(p => p.IsIpBlock))
        {
            return peer.IsOutside ? "its ipBlock may or may not hold the address" : "its ipBlock may hold pod addresses";
        }

        if (peer.IsOutside)
        {
            return null;
        }

        if (rule.Peers.Any(p => p.NamespaceSelector is { } namespaces && snapshot.NamespaceLabels.Matches(namespaces, peer.Namespace) == Verdict.Unknown))
        {
            return $"the labels of namespace {peer.Namespace} are not in the input";
        }

        return rule.Peers.Any(p => p.PodSelector is { } pods && Verdicts.MatchPod(pods, peer.Labels) == Verdict.Unknown)
            ? "its pod selector uses a label only a controller knows"
            : null;
    }

    /// <summary>The declared connections of the workload's pods, each with the verdicts on its targets, in the order the pods use the names.</summary>
    public static IReadOnlyList<(Dependency Connection, IReadOnlyList<TargetVerdict> Targets)> Of(ClusterSnapshot snapshot, WorkloadObject workload) =>
        workload.Template is { } pod
            ? snapshot.Dependencies.Of(pod).Select(d => (d, Of(snapshot, pod, d))).ToList()
            : [];

    /// <summary><c>resolve --from NS/WORKLOAD</c>: each declared connection of the workload's pods and its verdicts.</summary>
    public static void WriteList(ClusterSnapshot snapshot, WorkloadObject workload, TextWriter output)
    {
        TextWrap.WriteLine(output, string.Empty, $"from {workload} in namespace {workload.Namespace}");
        var connections = Of(snapshot, workload);
        if (connections.Count == 0)
        {
            TextWrap.WriteLine(output, string.Empty, "no declared connections: the pods use no name that reaches pods or a destination outside the cluster");
            return;
        }

        if (!snapshot.Options.NetworkPolicyEnforced)
        {
            TextWrap.WriteLine(output, string.Empty, NotEnforced);
        }

        TextWrap.WriteLine(output, string.Empty, snapshot.Options.NetworkPolicyEnforced ? "connections and what NetworkPolicies decide:" : "connections:");
        foreach (var (connection, targets) in connections)
        {
            WriteText(output, connection, snapshot.Options.NetworkPolicyEnforced ? targets : [], "  ");
        }
    }

    public static void WriteListJson(ClusterSnapshot snapshot, WorkloadObject workload, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("from", workload.ToString());
        json.WriteString("namespace", workload.Namespace);
        json.WriteBoolean("networkPolicyEnforced", snapshot.Options.NetworkPolicyEnforced);
        json.WriteStartArray("connections");
        foreach (var (connection, targets) in Of(snapshot, workload))
        {
            WriteJson(json, connection, targets);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes one connection: the name, where it is written, the destination, and the verdict on each target.</summary>
    public static void WriteText(TextWriter output, Dependency dependency, IReadOnlyList<TargetVerdict> targets, string indent)
    {
        var reference = dependency.Reference;
        TextWrap.WriteLine(output, indent, $"{reference.Host}{(reference.Port is { } port ? $":{port}" : string.Empty)} ({reference.Where})", indent + "    ");
        TextWrap.WriteLine(output, indent + "  -> ", dependency.Destination, indent + "       ");
        foreach (var target in targets)
        {
            TextWrap.WriteLine(output, indent + "  ", $"{target.Label}: {target.Text}", indent + "      ");
        }
    }

    /// <summary>Writes one connection as a JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter json, Dependency dependency, IReadOnlyList<TargetVerdict> targets)
    {
        var reference = dependency.Reference;
        json.WriteStartObject();
        json.WriteString("name", reference.Host);
        json.WriteNumberOrNull("port", reference.Port);

        json.WriteString("where", reference.Where);
        json.WriteString("destination", dependency.Destination);
        json.WriteBoolean("outside", dependency.IsOutside);
        json.WriteString("verdict", Overall(dependency, targets));
        json.WriteStartArray("targets");
        foreach (var target in targets)
        {
            json.WriteStartObject();
            json.WriteString("endpoint", target.Target.Endpoint.ToString());
            json.WriteNumber("port", target.Target.Port);
            json.WriteString("protocol", target.Target.Protocol);
            json.WriteString("verdict", target.Kind);
            json.WriteString("deniedBy", target.Verdict?.DeniedBy switch { PolicyDirection.Egress => "egress", PolicyDirection.Ingress => "ingress", _ => null });

            json.WriteStrings("decidedBy", target.DecidedBy);
            json.WriteStrings("isolating", target.Isolating);
            var nearest = target.Verdict?.DeniedBy switch
            {
                PolicyDirection.Egress => target.Verdict.Egress.Nearest,
                PolicyDirection.Ingress => target.Verdict.Ingress.Nearest,
                _ => null,
            };
            json.WriteString("nearest", nearest?.ToString());

            json.WriteString("text", target.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
