using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class BackendRefWithoutPortRule() : Rule(new RuleDescriptor(
    "KL603", "backend-ref-without-port", "Service backendRef without port", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        foreach (var route in context.Snapshot.GatewayRouting.Routes)
        {
            foreach (var backend in route.BackendRefs)
            {
                if (!backend.IsService || backend.HasPortKey)
                {
                    continue;
                }

                var name = backend.NameNode?.Value is { Length: > 0 } n ? $"Service {n}" : "a Service";
                context.Report(backend.Span,
                    $"{route} has a backendRef to {name} without `port`: the Gateway API CRD rejects the route (\"Must have port for Service reference\"); " +
                    "add `port:` with the Service's `port` (not its targetPort or the container port)");
            }
        }
    }
}
