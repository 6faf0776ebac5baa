using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Netpol;

public sealed class ControllerTrafficDeniedRule() : Rule(new RuleDescriptor("KL707", "controller-traffic-denied", "NetworkPolicy denies the Ingress controller's or Gateway's traffic to a backend", Severity.Error, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        if (!snapshot.Options.NetworkPolicyEnforced)
        {
            return;
        }

        foreach (var ingress in snapshot.Ingress.Ingresses.Where(i => i.Class.Name is not null))
        {
            var controllers = snapshot.EntryProxies.OfClass(ingress.Class.Name!);
            if (controllers.Count == 0)
            {
                continue; // no proxy pods to judge: spares the routes' descriptions (a closure each)
            }

            foreach (var route in ingress.Routes.Where(r => r is { BackendRejected: false, Endpoints: not null, Backend.ServiceName: not null }))
            {
                Check(context, ingress.Ingress, route.Backend!.ServiceName!.Span, () => $"{ingress.Ingress} sends {route.Entry} to Service {route.Service!.Name}", $"the {ingress.Class.Name} Ingress controller", controllers, route.Endpoints!);
            }
        }

        foreach (var resolution in snapshot.GatewayRouting.Routes.Select(snapshot.GatewayRouting.Resolve))
        {
            var proxies = resolution.Parents.Where(p => p is { Gateway: not null, Attached.Count: > 0 })
                .SelectMany(p => snapshot.EntryProxies.OfGateway(p.Gateway!)).Distinct().ToList();
            if (proxies.Count == 0)
            {
                continue;
            }

            foreach (var backend in resolution.Backends.Where(b => b is { Service: not null, Permitted: true, Port: not null, Ref.NameNode: not null }))
            {
                Check(context, resolution.Route, backend.Ref.NameNode!.Span, () => $"rule {backend.Ref.Rule + 1} of {resolution.Route} sends traffic to Service {backend.Service!.Name}", "the Gateway's data plane", proxies, backend.Port!);
            }
        }
    }

    /// <summary>
    /// Reports when every proxy pod is denied the connection to every backend pod of the service port (proxies and
    /// backends of a folder that is an alternative to the entry's are not part of this state of the cluster).
    /// <paramref name="entry"/> describes the entry in the message (most entries have none).
    /// </summary>
    private static void Check(RuleContext context, KubeObject entryObject, SourceSpan at, Func<string> entry, string proxy, IReadOnlyList<PolicyEndpoint> allProxies, PortResolution port)
    {
        var snapshot = context.Snapshot;
        if (allProxies.Count == 0)
        {
            return;
        }

        var proxies = allProxies.Where(p => p.Pod is null || snapshot.Alternatives.GoTogether(entryObject, p.Pod.Owner)).ToList();
        var verdicts = port.Backends.Where(b => b.TargetNumber is not null && snapshot.Alternatives.GoTogether(entryObject, b.Pod.Owner))
            .SelectMany(b => proxies.Select(p => new ProxyVerdict(b, p, snapshot.Policies.Allowed(p, snapshot.Policies.Endpoint(b.Pod), b.TargetNumber!.Value, port.Port.Protocol))))
            .ToList();
        if (verdicts.Count == 0 || verdicts.Any(v => v.Verdict.Verdict != Verdict.No))
        {
            return;
        }

        var first = verdicts[0];
        var egress = first.Verdict.DeniedBy == PolicyDirection.Egress;
        var side = Denials.DenyingSide(first.Verdict);
        var pods = Describe.List(verdicts.Select(v => v.Backend.Pod.Owner.ToString()).Distinct());
        var ports = Describe.List(verdicts.Select(v => $"{v.Backend.TargetNumber}/{port.Port.Protocol}").Distinct());
        var isolate = Denials.Isolate(side.Isolating);
        var message = $"{entry()}, but NetworkPolicy denies {proxy} ({first.Proxy}) the connection to the pods ({pods}) on {ports}: " +
            (egress ? $"{isolate} the proxy for egress and no egress rule allows it" : $"{isolate} the pods for ingress and no ingress rule admits the proxy") +
            ", so these requests end in 502 or 504. " +
            (egress
                ? $"Add an egress rule to the backend pods on {ports}"
                : $"Add an ingress rule from the proxy's pods (a namespaceSelector on `{NamespaceLabels.NameLabel}: {first.Proxy.Namespace}` with their podSelector in the same item) on {ports}");
        var related = verdicts.SelectMany(v => v.Verdict.Egress.Isolating.Concat(v.Verdict.Ingress.Isolating)).Distinct()
            .Select(p => new RelatedLocation(p.NameSpan, $"{p} isolates {(egress ? "the proxy" : "the backend pods")}"))
            .Concat(proxies.Select(p => p.Pod).OfType<PodTemplate>().Distinct().Select(p => new RelatedLocation(p.Owner.NameSpan, $"{p.Owner}: {proxy}")));
        context.Report(at, message, related: related);
    }

    /// <summary>A proxy pod's connection to a backend; a record, not a tuple, so that the queries over it run precompiled code.</summary>
    private sealed record ProxyVerdict(PortBackend Backend, PolicyEndpoint Proxy, ConnectionVerdict Verdict);
}
