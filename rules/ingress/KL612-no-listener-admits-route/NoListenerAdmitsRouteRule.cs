using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class NoListenerAdmitsRouteRule() : Rule(new RuleDescriptor(
    "KL612", "no-listener-admits-route", "no listener admits the route", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var routing = context.Snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var parent in routing.Resolve(route).Parents)
            {
                if (parent.Gateway is not { } gateway || parent.Selected.Count == 0 || parent.Admitting.Count > 0 || parent.Undecided.Count > 0 ||
                    parent.Ref.NameNode is not { } name)
                {
                    continue;
                }

                var reasons = Describe.List(parent.Selected.Select(l => $"{l} ({Reason(l, gateway, route)})"));
                context.Report(name.Span,
                    $"no listener of Gateway {gateway.Name} ({gateway.Namespace}) admits {route} of namespace {route.Namespace}: {reasons}; the route is not accepted (NotAllowedByListeners). " +
                    "Widen the listener's `allowedRoutes` (`from: All`, or a `Selector` matching the route's namespace labels; `kinds`), or attach the route to a listener that admits it",
                    related: parent.Selected.Select(l => new RelatedLocation(l.AdmissionSpan, $"{l} of Gateway {gateway.Name}")));
            }
        }
    }

    private static string Reason(GatewayListener listener, GatewayObject gateway, RouteObject route)
    {
        if (!GatewayRouting.KindAdmitted(listener, route))
        {
            return listener.Kinds is { Count: > 0 } kinds
                ? $"allowedRoutes.kinds lists {Describe.List(kinds.Select(k => k.Kind))}, not {route.Kind}"
                : $"protocol {listener.Protocol} does not carry {route.Kind}";
        }

        return listener.From == "Same"
            ? $"admits routes of its own namespace {gateway.Namespace} only{(listener.FromNode is null ? " (the default `from: Same`)" : string.Empty)}"
            : $"its namespace selector {listener.NamespaceSelector} does not match namespace {route.Namespace}";
    }
}
