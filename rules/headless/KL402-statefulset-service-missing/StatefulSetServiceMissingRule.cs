using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Headless;

public sealed class StatefulSetServiceMissingRule() : Rule(new RuleDescriptor("KL402", "statefulset-service-missing", "StatefulSet's serviceName names no Service", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (set, service) in context.Snapshot.GoverningServices)
        {
            if (service is not null || context.Snapshot.IsConfiguredService(set.Namespace, set.ServiceNameNode!.Value))
            {
                continue;
            }

            // Where the input does not own the namespace, only a near miss of one of its Services there is evidence.
            var name = set.ServiceNameNode!.Value;
            var nearest = EditDistance.Nearest(name, context.Snapshot.ServicesIn(set.Namespace).Select(s => s.Name));
            if (nearest is null && !context.Snapshot.OwnsNamespace(set.Namespace, besides: set))
            {
                continue;
            }

            // A name no Service can have (dots, capitals) gets no advice to create it.
            var hint = nearest is not null ? $"did you mean `{nearest}`?"
                : NameValidation.Dns1035Label(name).Count > 0 ? $"no Service can be named `{name}` (a Service name is one DNS-1035 label: lowercase letters, digits and `-`, starting with a letter, no dots); set serviceName to the name of the StatefulSet's headless Service"
                : $"create a headless Service {name} (`clusterIP: None`) that selects the StatefulSet's pods";
            context.Report(set.ServiceNameNode.Span,
                $"{set} names serviceName `{name}`, but namespace {set.Namespace} has no such Service, so its pods get no DNS names ({set.Name}-0.{name} does not resolve); {hint}");
        }
    }
}
