using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class ParentGatewayNotFoundRule() : Rule(new RuleDescriptor(
    "KL610", "parent-gateway-not-found", "route parentRef names no Gateway", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        var routing = snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var parent in routing.Resolve(route).Parents)
            {
                var reference = parent.Ref;
                if (reference.NameNode is not { Value.Length: > 0 } name || !snapshot.OwnsNamespace(reference.Namespace))
                {
                    continue;
                }

                if (reference.IsGateway && parent.Gateway is null)
                {
                    var nearest = EditDistance.Nearest(name.Value, routing.GatewaysIn(reference.Namespace).Select(g => g.Name));
                    var hint = nearest is null ? $"create the Gateway or correct the name" : $"did you mean `{nearest}`?";
                    context.Report(name.Span,
                        $"{route} names parent Gateway {name.Value} in namespace {reference.Namespace}, which has no such Gateway: the route attaches nowhere and serves no traffic; {hint}");
                }
                else if (reference.IsService && parent.Service is null && !snapshot.IsConfiguredService(reference.Namespace, name.Value) &&
                    !(reference.Namespace == "default" && name.Value == "kubernetes"))
                {
                    var nearest = EditDistance.Nearest(name.Value, snapshot.ServicesIn(reference.Namespace).Select(s => s.Name));
                    var hint = nearest is null ? "create the Service or correct the name" : $"did you mean `{nearest}`?";
                    context.Report(name.Span,
                        $"{route} names parent Service {name.Value} in namespace {reference.Namespace}, which has no such Service: the mesh route attaches nowhere; {hint}");
                }
            }
        }
    }
}
