using Linter.Core.Rules;

namespace Linter.Rules.Headless;

public sealed class StatefulSetServiceNotHeadlessRule() : Rule(new RuleDescriptor("KL403", "statefulset-service-not-headless", "StatefulSet's governing Service is not headless", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (set, service) in context.Snapshot.GoverningServices)
        {
            if (service is null || service.IsHeadless || service.ClusterIPUnknown)
            {
                continue;
            }

            context.Report(set.ServiceNameNode!.Span,
                $"the governing {service} of {set} is not headless: its name resolves to one load-balanced virtual IP, not to the peers, and per-pod names such as {set.Name}-0.{service.Name} are outside the DNS specification. Set `clusterIP: None` on {service} (or add a separate headless Service and name it here)",
                related: [new RelatedLocation(service.ClusterIPNode?.Span ?? service.NameSpan, $"{service}: set `clusterIP: None` here")]);
        }
    }
}
