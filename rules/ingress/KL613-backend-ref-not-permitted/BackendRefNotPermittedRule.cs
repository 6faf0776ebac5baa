using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class BackendRefNotPermittedRule() : Rule(new RuleDescriptor(
    "KL613", "backend-ref-not-permitted", "cross-namespace backendRef without ReferenceGrant", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        var routing = snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var backend in routing.Resolve(route).Backends)
            {
                var reference = backend.Ref;
                if (!reference.IsService || backend.Permitted || reference.NamespaceNode is not { } ns || reference.NameNode is not { Value.Length: > 0 } name ||
                    !snapshot.OwnsNamespace(reference.Namespace))
                {
                    continue;
                }

                var grants = routing.GrantsIn(reference.Namespace);
                var existing = grants.Count == 0 ? $"namespace {reference.Namespace} has no ReferenceGrant" : $"no ReferenceGrant of namespace {reference.Namespace} ({Describe.List(grants.Select(g => g.Name))}) permits it";
                context.Report(ns.Span,
                    $"{route} of namespace {route.Namespace} sends traffic to Service {name.Value} in namespace {reference.Namespace}, but {existing}: the reference is refused (ResolvedRefs=False, RefNotPermitted) and requests for this backend get HTTP 500. " +
                    $"Add a ReferenceGrant in {reference.Namespace} with `from: [{{group: gateway.networking.k8s.io, kind: {route.Kind}, namespace: {route.Namespace}}}]` and `to: [{{group: \"\", kind: Service, name: {name.Value}}}]`",
                    related: grants.Select(g => new RelatedLocation(g.NameSpan, $"ReferenceGrant {g.Name} does not permit {route.Kind} of {route.Namespace} to Service {name.Value}")));
            }
        }
    }
}
