using Linter.Core.Rules;

namespace Linter.Rules.Headless;

public sealed class HeadlessServiceWithNodePortsRule() : Rule(new RuleDescriptor("KL401", "headless-service-with-node-ports", "Headless Service of type NodePort or LoadBalancer", Severity.Error, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.IsHeadless && s.AllowsNodePorts && s.TypeNode is not null))
        {
            context.Report(service.TypeNode!.Span,
                $"{service} is headless (`clusterIP: None`) and of type {service.Type}; the API server rejects it (may not be set to 'None' for {service.Type} services): node ports and load balancers forward to a cluster IP. Use type ClusterIP for a headless Service, or remove `clusterIP: None`");
        }
    }
}
