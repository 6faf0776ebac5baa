using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Headless;

public sealed class PodSubdomainWithoutHeadlessServiceRule() : Rule(new RuleDescriptor("KL404", "pod-subdomain-without-headless-service", "Pod subdomain without a headless Service selecting it", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var pod in context.Snapshot.PodTemplates.Where(p => p.Owner.Kind != "StatefulSet"))
        {
            // A hostname or subdomain the API server rejects (KL814) is left out: the pod gets no record to advise on.
            var validity = context.Snapshot.Validity(pod);
            if (validity.Subdomain is not { } subdomain || validity.Rejects(PodField.Hostname))
            {
                continue;
            }

            var service = context.Snapshot.FindService(pod.Namespace, subdomain.Value, pod.Owner.ApplyUnit);
            var hostname = pod.Spec.HostnameNode?.Value ?? pod.Owner.Name;
            var record = $"{hostname}.{subdomain.Value}";
            string? problem = service switch
            {
                null when context.Snapshot.OwnsNamespace(pod.Namespace, besides: pod.Owner) && !context.Snapshot.IsConfiguredService(pod.Namespace, subdomain.Value) =>
                    $"namespace {pod.Namespace} has no Service {subdomain.Value}",
                null => null,
                { ClusterIPUnknown: true } => null,
                { IsHeadless: false } => $"{service} is not headless",
                _ when !context.Snapshot.Selects(service, pod) => $"headless {service} does not select its pods (it selects {Describe.Pairs(service.Selector ?? [])})",
                _ => null,
            };
            if (problem is not null)
            {
                context.Report(subdomain.Span,
                    $"{pod.Owner} sets `subdomain: {subdomain.Value}`, but {problem}, so `{record}` will not resolve. Add a headless Service named {subdomain.Value} (`clusterIP: None`) whose selector matches the pod's labels");
            }
        }
    }
}
