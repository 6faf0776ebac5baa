using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Resolves Services to pods and ports as the EndpointSlice controller does
/// (reference/kubernetes-semantics.md section 2): same namespace, equality selector, and per port
/// <c>FindPort</c>: a number is used as is; a name is looked up by name and protocol across the
/// containers, then the sidecar init containers, first match wins; no targetPort means <c>port</c>.
/// </summary>
public static class ServiceResolver
{
    public static ServiceResolution Resolve(ServiceObject service, LabelIndex index)
    {
        if (service.IsExternalName || !service.HasSelector)
        {
            return new ServiceResolution(service, [], false, []);
        }

        var pairs = service.SelectorPairs;
        var selected = ApplyUnits.Closest(index.Select(service.Namespace, pairs), t => t.Owner.ApplyUnit, service.ApplyUnit);
        var unknowable = pairs.Any(p => ControllerLabels.IsUnknowable(p.Key));
        var ports = service.Ports.Select(p => new PortResolution(p, selected.Select(t => Backend(p, t)).ToList())).ToList();
        return new ServiceResolution(service, selected, unknowable, ports);
    }

    public static PortBackend Backend(ServicePort port, PodTemplate pod)
    {
        var target = port.TargetPort;
        if (target?.Name is { } name)
        {
            foreach (var container in pod.Spec.RunningContainers)
            {
                var declared = container.Ports.FirstOrDefault(p => p.Name == name && p.Protocol == port.Protocol);
                if (declared is not null)
                {
                    return new PortBackend(pod, declared.Number?.Value, container, declared);
                }
            }

            return new PortBackend(pod, null, null, null);
        }

        var number = target?.Number is { } n and not 0 ? n : port.Port?.Value;
        ContainerPort? otherProtocol = null;
        foreach (var container in pod.Spec.RunningContainers)
        {
            foreach (var declared in container.Ports)
            {
                if (declared.Number?.Value != number)
                {
                    continue;
                }

                if (declared.Protocol == port.Protocol)
                {
                    return new PortBackend(pod, number, container, declared);
                }

                otherProtocol ??= declared;
            }
        }

        return new PortBackend(pod, number, null, null) { OtherProtocol = otherProtocol };
    }
}
