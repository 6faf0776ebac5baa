using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class NoMatchingListenerHostnameRule() : Rule(new RuleDescriptor(
    "KL614", "no-matching-listener-hostname", "route hostnames intersect no listener hostname", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var routing = context.Snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            // Hostnames KL820 rejects are left out; with none left the check cannot be made.
            var resolution = routing.Resolve(route);
            if (!route.HasHostnames || resolution.Hostnames.Count == 0 || route.HostnamesKey is not { } key)
            {
                continue;
            }

            // Each parent whose admitting listeners all have a hostname and none intersects; one finding per route.
            var failing = resolution.Parents
                .Where(p => p.Gateway is not null && p.Admitting.Count > 0 && p.Undecided.Count == 0 && p.Attached.Count == 0 &&
                    p.Admitting.All(l => GatewayRouting.ListenerHostname(l) is { Value.Length: > 0 }))
                .ToList();
            if (failing.Count == 0)
            {
                continue;
            }

            var listeners = failing.SelectMany(p => p.Admitting.Select(l => (Parent: p, Listener: l))).ToList();
            var served = Describe.List(listeners.Select(x => x.Listener.HostnameNode!.Value).Distinct(StringComparer.Ordinal));
            var gateways = Describe.List(failing.Select(p => $"{p.Gateway!.Name} ({p.Gateway.Namespace})").Distinct(StringComparer.Ordinal));
            context.Report(key.Span,
                $"none of the hostnames of {route} ({Describe.List(resolution.Hostnames.Select(h => h.Value))}) intersects the hostname of a listener that admits it on Gateway {gateways}, which serve {served}: " +
                "the route is not accepted (NoMatchingListenerHostname). Use a hostname the listener serves (a listener `*.example.com` matches names with one or more labels before `.example.com`), or change the listener",
                related: listeners.Select(x => new RelatedLocation(x.Listener.HostnameNode!.Span, $"{x.Listener} of Gateway {x.Parent.Gateway!.Name} serves {x.Listener.HostnameNode.Value}")));
        }
    }
}
