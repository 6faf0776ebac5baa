using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceRoutesNowhereRule() : Rule(new RuleDescriptor("KL105", "service-routes-nowhere", "Service without selector or endpoints", Severity.Warning, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            // Endpoints may be written out of band (by an operator, a controller) in a namespace the input does not
            // own and writes no endpoints in. `selector: {}` is a mistake wherever it is: it selects no pod, not every pod.
            // With a type the API server rejects (KL801), whether the Service needs endpoints at all (not ExternalName) is unknown.
            if (!service.TypeKnown || service.IsExternalName || service.HasSelector || service.SelectorRejected || context.Snapshot.HasManualEndpoints(service) ||
                context.Snapshot.Options.ExternalNamespaces.Contains(service.Namespace) ||
                (service.Selector is null && !context.Snapshot.OwnsNamespace(service.Namespace) && !context.Snapshot.WritesEndpointsIn(service.Namespace)))
            {
                continue;
            }

            var why = service.Selector is null ? "has no selector" : "has `selector: {}`, which selects no pod (not every pod)";
            var (entries, entryLocations) = Describe.Entries(context.Snapshot, service);
            context.Report(service.NameSpan,
                $"{service} {why} and the input has no Endpoints or EndpointSlice for it, so it routes nowhere{entries}. Add a selector that matches the pods, or EndpointSlices labelled `kubernetes.io/service-name: {service.Name}`",
                related: entryLocations);
        }
    }
}
