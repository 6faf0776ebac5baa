using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Headless;

public sealed class PodNameWithoutPodRecordsRule() : Rule(new RuleDescriptor("KL408", "pod-name-without-pod-records", "Per-pod name behind a headless Service whose pods get no records", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var reference in context.Snapshot.Names.All)
        {
            if (reference.Answer is not { Outcome: DnsOutcome.NotFound, PodMiss: PodNameMiss.NoPerPodRecords, Miss: { Service: { } serviceName } miss } ||
                context.Snapshot.FindService(miss.Namespace, serviceName, reference.Pod?.Owner.ApplyUnit ?? reference.ConfigMap?.ApplyUnit ?? string.Empty) is not { } service)
            {
                continue;
            }

            var owners = Describe.List(context.Snapshot.Resolve(service).Selected.Select(p => p.Owner.ToString()).Distinct());
            context.Report(reference.Span,
                $"{Describe.Reference(reference)} names pod {miss.Name} of headless {service}, but the pods it selects ({owners}) get no per-pod records: only StatefulSet pods governed by the Service (`serviceName: {service.Name}`) and pods with `hostname` and `subdomain: {service.Name}` do, so only `{service.Name}` resolves (to every ready pod). Use the Service name, or run the pods as a StatefulSet with `serviceName: {service.Name}`",
                related: [new(service.NameSpan, $"headless {service}")]);
        }
    }
}
