using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidGatewayFieldRule() : Rule(new RuleDescriptor(
    "KL820", "invalid-gateway-field", "Gateway API field the CRD validation rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        var routing = context.Snapshot.GatewayRouting;
        foreach (var gateway in routing.Gateways)
        {
            Report(context, gateway, routing.Rejections(gateway));
        }

        foreach (var route in routing.Routes)
        {
            Report(context, route, routing.Rejections(route));
        }
    }

    private static void Report(RuleContext context, KubeObject obj, IReadOnlyList<GatewayRejection> rejections)
    {
        foreach (var rejection in rejections)
        {
            var where = obj.Namespace.Length > 0 ? $"{obj} ({obj.Namespace})" : obj.ToString();
            context.Report(rejection.Span,
                $"{where}: {rejection.Problem}: the API server rejects the {obj.Kind} (CRD validation: \"{rejection.CrdMessage}\"); {rejection.Fix}",
                related: rejection.Earlier is { } earlier ? [new RelatedLocation(earlier, rejection.EarlierLabel ?? "the earlier entry")] : null);
        }
    }
}
