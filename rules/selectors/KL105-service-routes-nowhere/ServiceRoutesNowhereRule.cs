using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceRoutesNowhereRule() : Rule(new RuleDescriptor("KL105", "service-routes-nowhere", "Service without selector or endpoints", Severity.Warning, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            // Endpoints may be written out of band (by an operator) in namespaces whose contents come from elsewhere.
            if (service.IsExternalName || service.HasSelector || service.SelectorIsLabelSelector || context.Snapshot.HasManualEndpoints(service) ||
                context.Snapshot.Options.ExternalNamespaces.Contains(service.Namespace))
            {
                continue;
            }

            var why = service.Selector is null ? "has no selector" : "has `selector: {}`, which selects no pod (not every pod)";
            context.Report(service.NameSpan,
                $"Service {service.Name} {why} and the input has no Endpoints or EndpointSlice for it, so it routes nowhere. Add a selector that matches the pods, or EndpointSlices labelled `kubernetes.io/service-name: {service.Name}`");
        }
    }
}
