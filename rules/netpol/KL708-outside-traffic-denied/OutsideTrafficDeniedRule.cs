using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Netpol;

public sealed class OutsideTrafficDeniedRule() : Rule(new RuleDescriptor("KL708", "outside-traffic-denied", "NetworkPolicy keeps clients outside the cluster from an exposed Service's pods", Severity.Warning, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        if (!snapshot.Options.NetworkPolicyEnforced)
        {
            return;
        }

        var clients = PolicyEndpoint.Outside("clients outside the cluster");
        foreach (var service in snapshot.Services.Where(s => s.IsExposedOutside && s.HasSelector))
        {
            var denied = new List<(PortResolution Port, IReadOnlyList<DirectionVerdict> Verdicts)>();
            foreach (var port in snapshot.Resolve(service).Ports)
            {
                var verdicts = port.Backends
                    .Where(b => b.TargetNumber is not null)
                    .Select(b => Verdict(snapshot, b, clients, port.Port.Protocol))
                    .ToList();
                if (verdicts.Count > 0 && verdicts.All(v => v.Verdict == Core.Simulation.Verdict.No))
                {
                    denied.Add((port, verdicts));
                }
            }

            if (denied.Count == 0)
            {
                continue;
            }

            var policies = denied.SelectMany(d => d.Verdicts).SelectMany(v => v.Isolating).Distinct().ToList();
            var pods = Describe.List(denied.SelectMany(d => d.Port.Backends).Select(b => b.Pod.Owner.ToString()).Distinct());
            var targets = denied.Select(d => $"{string.Join("/", d.Port.Backends.Select(b => b.TargetNumber).Distinct())}/{d.Port.Port.Protocol}").Distinct().ToList();
            var exposure = service.AllowsNodePorts ? $"a {service.Type} Service" : "reachable on its externalIPs";
            var local = service.ExternalTrafficPolicyNode?.Value == "Local";
            context.Report((service.AllowsNodePorts ? service.TypeNode : service.ExternalIPsKey ?? service.TypeNode)?.Span ?? service.NameSpan,
                $"{service} is {exposure}, but {Denials.Isolate(policies)} its pods ({pods}) for ingress " +
                $"and no rule admits clients from outside the cluster on {Describe.List(targets)}: namespace and pod selectors never match them, only a rule without `from` or with an `ipBlock` peer does. " +
                (local
                    ? "With externalTrafficPolicy: Local the source stays the client's address, so every outside connection is dropped"
                    : "With externalTrafficPolicy: Cluster the source becomes a node's address, so only connections that land on the pod's own node pass") +
                $". Add an ingress rule for {Describe.List(targets)} with `from: [{{ipBlock: {{cidr: 0.0.0.0/0}}}}]` (or the clients' ranges)",
                related: policies.Select(p => new RelatedLocation(p.NameSpan, $"{p} isolates the pods for ingress")));
        }
    }

    private static DirectionVerdict Verdict(ClusterSnapshot snapshot, PortBackend backend, PolicyEndpoint clients, string protocol)
    {
        var pod = snapshot.Policies.Endpoint(backend.Pod);
        return pod.HostNetwork
            ? DirectionVerdict.Undecided
            : snapshot.Policies.Allows(pod, PolicyDirection.Ingress, clients, pod, backend.TargetNumber!.Value, protocol);
    }
}
