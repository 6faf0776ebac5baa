using Linter.Core.Model;
using Linter.Core.Rules;

namespace Acme.Rules;

/// <summary>
/// A Service in a production namespace (<c>ruleOptions: {ACME003: {namespaces: [...]}}</c>, default <c>prod</c>) has at
/// least two pods behind it, so that one pod can restart without an outage.
/// </summary>
public sealed class ProdServiceTwoPodsRule() : Rule(new RuleDescriptor(
    "ACME003", "prod-service-two-pods", "A production Service has fewer than two pods behind it", Severity.Warning, "custom"))
{
    public override void Check(RuleContext context)
    {
        var namespaces = context.Options.Strings("namespaces") is { Count: > 0 } configured ? configured : ["prod"];
        foreach (var service in context.Snapshot.Services.Where(s => s.HasSelector && namespaces.Contains(s.Namespace)))
        {
            var selected = context.Snapshot.Resolve(service).Selected;
            // A DaemonSet runs a pod per node: how many is the cluster's business, not the manifest's.
            if (selected.Count == 0 || selected.Any(pod => pod.Owner.Kind == "DaemonSet"))
            {
                continue;
            }

            var pods = selected.Sum(pod => pod.Owner is WorkloadObject { IsPod: false } workload ? workload.Replicas?.Value ?? 1 : 1);
            if (pods < 2)
            {
                context.Report(service.NameNode?.Span ?? service.Span, $"Service {service.Name} in namespace {service.Namespace} has {pods} pod behind it ({string.Join(", ", selected.Select(p => p.Owner))}): run at least two replicas so that a restart is not an outage");
            }
        }
    }
}
