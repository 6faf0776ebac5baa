using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class BackendServiceNotFoundRule() : Rule(new RuleDescriptor(
    "KL601", "backend-service-not-found", "backend names no Service", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var resolution in snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            foreach (var route in resolution.Routes)
            {
                // A backend KL817 rejects is left out of the simulation (RULES.md ground rule 4).
                if (route.BackendRejected || route.Backend?.ServiceName is not { Value.Length: > 0 } name || route.Service is not null || !IsMissing(context, ingress.Namespace, name.Value))
                {
                    continue;
                }

                var elsewhere = snapshot.NamespacesWithService(name.Value, ingress.Namespace);
                var hint = Hint(context, ingress.Namespace, name.Value);
                if (elsewhere.Count > 0)
                {
                    hint = $"a Service {name.Value} exists in namespace {Describe.List(elsewhere)}, but an Ingress reaches only Services of its own namespace: move the Ingress to that namespace, or add an ExternalName Service {name.Value} in {ingress.Namespace} that points at it" +
                        (hint.StartsWith("did you mean", StringComparison.Ordinal) ? $"; or {hint}" : string.Empty);
                }

                context.Report(name.Span,
                    $"{ingress} sends {route.Entry} to Service {name.Value}, but namespace {ingress.Namespace} has no such Service: the controller has no backend for these requests (ingress-nginx answers 503); {hint}",
                    related: snapshot.ServicesNamed(name.Value).Where(s => s.Namespace != ingress.Namespace).Take(1).Select(s => new RelatedLocation(s.NameSpan, $"{s} of namespace {s.Namespace}")));
            }
        }

        var routing = snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var backend in routing.Resolve(route).Backends)
            {
                var reference = backend.Ref;
                if (!reference.IsService || reference.NameNode is not { Value.Length: > 0 } name || backend.Service is not null || !IsMissing(context, reference.Namespace, name.Value))
                {
                    continue;
                }

                context.Report(name.Span,
                    $"{route} of namespace {route.Namespace} sends traffic to Service {name.Value} in namespace {reference.Namespace}, which has no such Service: the reference does not resolve (ResolvedRefs=False, BackendNotFound) and requests for this backend get HTTP 500; {Hint(context, reference.Namespace, name.Value)}");
            }
        }
    }

    /// <summary>Closed world: the input owns the namespace, and neither the configuration nor the API server provides the Service.</summary>
    private static bool IsMissing(RuleContext context, string ns, string name) =>
        context.Snapshot.OwnsNamespace(ns) && !context.Snapshot.IsConfiguredService(ns, name) && !(ns == "default" && name == "kubernetes");

    private static string Hint(RuleContext context, string ns, string name)
    {
        var nearest = EditDistance.Nearest(name, context.Snapshot.ServicesIn(ns).Select(s => s.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal));
        return nearest is null ? "create the Service or correct the name" : $"did you mean `{nearest}`?";
    }
}
