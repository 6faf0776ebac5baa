using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class NoListenerMatchesParentRefRule() : Rule(new RuleDescriptor(
    "KL611", "no-listener-matches-parent-ref", "no listener matches the parentRef's sectionName or port", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var routing = context.Snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var parent in routing.Resolve(route).Parents)
            {
                // A listener KL820 reports (a repeated name or port, protocol and hostname; an invalid hostname) is left out.
                if (parent.Gateway is not { } gateway || routing.Listeners(gateway) is not { Count: > 0 } valid || parent.Selected.Count > 0 || parent.Rejected.Count > 0)
                {
                    continue;
                }

                var listeners = Describe.List(valid.Select(l => l.Port is { } p ? $"{l.Name} (port {p.Value})" : l.Name));
                var section = parent.Ref.SectionNameNode;
                var port = parent.Ref.Port;
                if (section is not null && (port is null || valid.All(l => l.Name != section.Value)))
                {
                    var nearest = EditDistance.Nearest(section.Value, valid.Select(l => l.Name));
                    var hint = nearest is null ? $"name one of its listeners: {listeners}" : $"did you mean `{nearest}`?";
                    context.Report(section.Span,
                        $"{route} attaches to listener `{section.Value}` of Gateway {gateway.Name} ({gateway.Namespace}), which has no listener of that name (it has {listeners}): the route is not accepted (NoMatchingParent); {hint}");
                }
                else if (port is { } number)
                {
                    var what = section is null ? $"no listener on port {number.Value}" : $"listener `{section.Value}` is not on port {number.Value}";
                    context.Report(number.Node.Span,
                        $"{route} attaches to port {number.Value} of Gateway {gateway.Name} ({gateway.Namespace}), but {what} (it has {listeners}): the route is not accepted (NoMatchingParent); correct or remove `port`");
                }
            }
        }
    }
}
