using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class ExternalNameBackendRule() : Rule(new RuleDescriptor("KL615", "external-name-backend", "Backend Service of type ExternalName", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var resolution in snapshot.Ingress.Ingresses)
        {
            // Path entries KL604 reports are left out of the simulation.
            foreach (var route in resolution.Routes.Where(r => r.IsValid))
            {
                if (route.Service is { IsExternalName: true } service && route.Backend?.ServiceName is { } name)
                {
                    var entry = route.Path is null ? "requests no rule matches (`defaultBackend`)" : $"requests for {route.Host ?? "every host"}{route.PathValue}";
                    context.Report(name.Span,
                        $"{resolution.Ingress} of namespace {resolution.Ingress.Namespace} sends {entry} to Service {name.Value}, which has type ExternalName{Target(service)}: whether that works depends on the controller " +
                        "(ingress-nginx proxies to the external name, many others refuse the backend); make sure the class's controller supports it, or put a ClusterIP Service with endpoints in front of the destination",
                        Severity.Note, [Related(service)]);
                }
            }
        }

        var routing = snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var backend in routing.Resolve(route).Backends)
            {
                // A Service backendRef without port is KL603 (the route is rejected), left out here.
                if (backend.Service is { IsExternalName: true } service && backend.Ref.IsService && backend.Ref.HasPortKey && backend.Ref.NameNode is { } name)
                {
                    context.Report(name.Span,
                        $"{route} of namespace {route.Namespace} sends traffic to Service {name.Value}, which has type ExternalName{Target(service)}: Gateway API implementations SHOULD NOT support ExternalName backends (CVE-2021-25740), so most refuse the backendRef (ResolvedRefs=False) and its requests get HTTP 500; " +
                        "point the backendRef at a Service with endpoints in the cluster, or use the implementation's own external backend resource",
                        related: [Related(service)]);
                }
            }
        }
    }

    private static string Target(ServiceObject service) => service.ExternalNameNode is { Value.Length: > 0 } target ? $" ({target.Value})" : string.Empty;

    private static RelatedLocation Related(ServiceObject service) =>
        new(service.TypeNode?.Span ?? service.NameSpan, $"Service {service.Name} has type ExternalName");
}
