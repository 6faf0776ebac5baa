using Linter.Core.Rules;

namespace Linter.Rules.Headless;

public sealed class StatefulSetServiceDoesNotSelectPodsRule() : Rule(new RuleDescriptor("KL405", "statefulset-service-does-not-select-pods", "StatefulSet's headless Service does not select its pods", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (set, service) in context.Snapshot.GoverningServices)
        {
            // A selector that selects no pod at all is KL101's finding (root causes, not cascades).
            if (service is not { IsHeadless: true, HasSelector: true } || set.Template is null ||
                context.Snapshot.Selects(service, set.Template) || context.Snapshot.Resolve(service).Selected.Count == 0)
            {
                continue;
            }

            context.Report(set.ServiceNameNode!.Span,
                $"the headless {service} governing {set} selects {Describe.Pairs(service.Selector!)}, but the StatefulSet's pods carry {Describe.Labels(set.Template.LabelValues)}: the pods get no endpoints and no DNS names ({set.Name}-0.{service.Name}). Make the Service's selector match the pod template's labels",
                related: service.SelectorKey is null ? null : [new(service.SelectorKey.Span, $"selector of {service}")]);
        }
    }
}
