using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Netpol;

public sealed class ControllerTrafficDeniedRule() : Rule(new RuleDescriptor("KL707", "controller-traffic-denied", "NetworkPolicy denies the Ingress controller's traffic to a backend", Severity.Error, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        if (!snapshot.Options.NetworkPolicyEnforced)
        {
            return;
        }

        foreach (var ingress in snapshot.Ingress.Ingresses.Where(i => i.Class.Name is not null))
        {
            var controllers = snapshot.IngressControllers.Of(ingress.Class.Name!);
            if (controllers.Count == 0)
            {
                continue;
            }

            foreach (var route in ingress.Routes.Where(r => r is { BackendRejected: false, Endpoints: not null, Backend.ServiceName: not null }))
            {
                var verdicts = route.Endpoints!.Backends.Where(b => b.TargetNumber is not null)
                    .SelectMany(b => controllers.Select(c => (Backend: b, Controller: c,
                        Verdict: snapshot.Policies.Allowed(c, snapshot.Policies.Endpoint(b.Pod), b.TargetNumber!.Value, route.Endpoints.Port.Protocol))))
                    .ToList();
                if (verdicts.Count == 0 || verdicts.Any(v => v.Verdict.Verdict != Verdict.No))
                {
                    continue;
                }

                var first = verdicts[0];
                var egress = first.Verdict.DeniedBy == PolicyDirection.Egress;
                var side = egress ? first.Verdict.Egress : first.Verdict.Ingress;
                var pods = Describe.List(verdicts.Select(v => v.Backend.Pod.Owner.ToString()).Distinct());
                var ports = Describe.List(verdicts.Select(v => $"{v.Backend.TargetNumber}/{route.Endpoints!.Port.Protocol}").Distinct());
                var policies = Describe.List(side.Isolating.Select(p => p.ToString()));
                var message = $"{ingress.Ingress} sends {route.Entry} to Service {route.Service!.Name}, but NetworkPolicy denies its controller ({first.Controller}) the connection to the pods ({pods}) on {ports}: " +
                    (egress
                        ? $"{policies} isolate{(side.Isolating.Count == 1 ? "s" : string.Empty)} the controller for egress and no egress rule allows it"
                        : $"{policies} isolate{(side.Isolating.Count == 1 ? "s" : string.Empty)} the pods for ingress and no ingress rule admits the controller") +
                    $", so the controller answers 502/504 for these requests. Add a{(egress ? "n egress rule to the backend pods" : $"n ingress rule from the controller's pods (namespaceSelector `{NamespaceLabels.NameLabel}: {first.Controller.Namespace}` with its podSelector)")} on {ports}";
                var related = verdicts.SelectMany(v => v.Verdict.Egress.Isolating.Concat(v.Verdict.Ingress.Isolating)).Distinct()
                    .Select(p => new RelatedLocation(p.NameSpan, $"{p} isolates {(egress ? "the controller" : "the backend pods")}"))
                    .Concat(controllers.Select(c => c.Pod).OfType<PodTemplate>().Distinct().Select(p => new RelatedLocation(p.Owner.NameSpan, $"{p.Owner}: the {ingress.Class.Name} Ingress controller")));
                context.Report(route.Backend!.ServiceName!.Span, message, related: related);
            }
        }
    }
}
