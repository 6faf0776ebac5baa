using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class BackendServicePortNotFoundRule() : Rule(new RuleDescriptor(
    "KL602", "backend-service-port-not-found", "backend names no port of its Service", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var resolution in snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            foreach (var route in resolution.Routes)
            {
                if (route is not { Service: { IsExternalName: false } service, ServicePort: null, Backend.ServicePort: { } port } || (port.Number is null && port.Name is null) ||
                    WithoutPorts(snapshot, service))
                {
                    continue;
                }

                var written = port.Number is { } number ? $"port {number}" : $"port `{port.Name}`";
                var hint = port.Number is { } n ? NumberHint(snapshot, service, n, ingress: true) : NameHint(snapshot, service, port.Name!);
                if (hint is null && port.Number is not null && service.Ports.Any(p => p.Port is null))
                {
                    continue; // a service port without a number is another rule's finding; it may be the one meant
                }

                context.Report(port.Node.Span,
                    $"{ingress} sends {route.Entry} to {written} of Service {service.Name}, which has no such port ({Ports(service)}): the backend has no endpoints and the controller answers 503 for these requests{(hint is null ? ". Name one of the Service's ports" : $"; {hint}")}",
                    related: [new RelatedLocation(service.NameSpan, $"{service} of namespace {service.Namespace}")]);
            }
        }

        var routing = snapshot.GatewayRouting;
        foreach (var route in routing.Routes)
        {
            foreach (var backend in routing.Resolve(route).Backends)
            {
                if (backend is not { Service: { IsExternalName: false } service, Port: null, Ref: { IsService: true, Port: { } port } } || WithoutPorts(snapshot, service))
                {
                    continue;
                }

                var hint = NumberHint(snapshot, service, port.Value, ingress: false);
                if (hint is null && service.Ports.Any(p => p.Port is null))
                {
                    continue;
                }

                context.Report(port.Node.Span,
                    $"{route} sends traffic to port {port.Value} of Service {service.Name} in namespace {service.Namespace}, which has no such port ({Ports(service)}): the backend has no endpoints and requests routed to it fail (HTTP 500 or 503, depending on the implementation)" +
                    (hint is null ? ". Name one of the Service's ports" : $"; {hint}"),
                    related: [new RelatedLocation(service.NameSpan, $"{service} of namespace {service.Namespace}")]);
            }
        }
    }

    /// <summary>
    /// The API server rejects the Service for having no ports (KL805), or its type (KL801: an ExternalName Service
    /// enforces no ports): that is the root cause, not the backend.
    /// </summary>
    private static bool WithoutPorts(ClusterSnapshot snapshot, ServiceObject service) =>
        !service.TypeKnown || snapshot.Validity(service).Rejections(ServiceCheck.Ports).Count > 0;

    /// <summary>"it has 80 `http` and 9090 `metrics`".</summary>
    private static string Ports(ServiceObject service) =>
        service.Ports.Count == 0 ? "it has no ports" : $"it has {Describe.List(service.Ports.Select(Port))}";

    private static string Port(ServicePort port) => port.Name is null ? $"{port.Port?.Value}" : $"{port.Port?.Value} `{port.Name}`";

    /// <summary>The number is the targetPort, or the container port, behind one of the Service's ports.</summary>
    private static string? NumberHint(ClusterSnapshot snapshot, ServiceObject service, int number, bool ingress)
    {
        var resolution = snapshot.Resolve(service);
        foreach (var servicePort in service.Ports.Where(p => p.Port is not null))
        {
            var write = ingress ? $"write `number: {servicePort.Port!.Value.Value}`" : $"write `port: {servicePort.Port!.Value.Value}`";
            if (servicePort.TargetPort?.Number == number)
            {
                return $"{number} is the targetPort of port {Port(servicePort)}; a backend names the Service port: {write}";
            }

            var behind = resolution.Ports.FirstOrDefault(p => p.Port == servicePort)?.Backends.FirstOrDefault(b => b.TargetNumber == number);
            if (behind is not null)
            {
                var target = servicePort.TargetPort is { } t ? $" (targetPort {t})" : string.Empty;
                return $"{number} is the container port behind port {Port(servicePort)}{target}; a backend names the Service port: {write}";
            }
        }

        return null;
    }

    /// <summary>The name is the targetPort or a container port name behind a service port, or a slip of a service port name.</summary>
    private static string? NameHint(ClusterSnapshot snapshot, ServiceObject service, string name)
    {
        var resolution = snapshot.Resolve(service);
        foreach (var servicePort in service.Ports.Where(p => p.Port is not null))
        {
            var write = servicePort.Name is { Length: > 0 } portName ? $"write `name: {portName}` (or `number: {servicePort.Port!.Value.Value}`)" : $"write `number: {servicePort.Port!.Value.Value}`";
            if (servicePort.TargetPort?.Name == name)
            {
                return $"`{name}` is the targetPort of port {Port(servicePort)}; a backend names the Service port: {write}";
            }

            var behind = resolution.Ports.FirstOrDefault(p => p.Port == servicePort)?.Backends.FirstOrDefault(b => b.Declared?.Name == name);
            if (behind is not null)
            {
                return $"`{name}` is the container port behind port {Port(servicePort)}; a backend names the Service port: {write}";
            }
        }

        if (EditDistance.Nearest(name, service.Ports.Select(p => p.Name).OfType<string>().Where(n => n.Length > 0)) is { } nearest)
        {
            return $"did you mean `{nearest}`?";
        }

        return service.Ports is [{ Name: null or "", Port: { } only }] ? $"the Service's only port has no name: write `number: {only.Value}`" : null;
    }
}
