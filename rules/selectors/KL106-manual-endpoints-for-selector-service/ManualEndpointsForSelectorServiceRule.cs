using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ManualEndpointsForSelectorServiceRule() : Rule(new RuleDescriptor("KL106", "manual-endpoints-for-selector-service", "Hand-written endpoints for a Service with a selector", Severity.Warning, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var endpoints in context.Snapshot.Objects.OfType<EndpointsObject>().Where(e => e.ServiceName.Length > 0))
        {
            if (context.Snapshot.FindService(endpoints.Namespace, endpoints.ServiceName, endpoints.ApplyUnit) is not { HasSelector: true, IsExternalName: false } service)
            {
                continue;
            }

            var fate = endpoints.Kind == "Endpoints"
                ? "the endpoints controller owns the Endpoints of a Service with a selector and overwrites this one with the addresses of the selected pods, so its addresses vanish"
                : "the EndpointSlice controller writes the Service's slices from the selected pods, and kube-proxy and cluster DNS merge this hand-written slice with them, so its addresses receive a share of the traffic";
            context.Report(endpoints.NameSpan,
                $"{endpoints} is written by hand for {service}, which has a selector ({Describe.Pairs(service.Selector!)}): {fate}. Remove the Service's selector to route to the listed addresses, or remove the {endpoints.Kind} to route to the pods",
                related: service.SelectorKey is null ? null : [new(service.SelectorKey.Span, $"selector of {service}")]);
        }
    }
}
