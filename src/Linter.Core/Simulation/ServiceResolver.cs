using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Resolves Services to pods and ports as the EndpointSlice controller does
/// (reference/kubernetes-semantics.md section 2): same namespace, equality selector, and per port
/// <c>FindPort</c>: a number is used as is; a name is looked up by name and protocol across the
/// containers, then the sidecar init containers, first match wins; no targetPort means <c>port</c>.
/// Services with the same selector in the same namespace and folder share one selection, and ports written
/// alike share their backends: many Services over the same pods cost the pods once, not once per Service.
/// </summary>
public sealed class ServiceResolver(LabelIndex index)
{
    // Each distinct selection gets a number: the backends are keyed by it, not by the list (no identity hash per look-up).
    // Keys are records, not tuples: dictionaries keyed by tuples of value types run code compiled at every start.
    private readonly Dictionary<SelectionKey, Selection> _selections = [];
    private readonly Dictionary<BackendKey, IReadOnlyList<PortBackend>> _backends = [];

    private sealed record Selection(int Id, IReadOnlyList<PodTemplate> Pods);

    private sealed record SelectionKey(string Namespace, string ApplyUnit, string Selector);

    private sealed record BackendKey(int Selection, int? Port, string? TargetName, int? TargetNumber, string Protocol);

    public ServiceResolution Resolve(ServiceObject service)
    {
        if (service.IsExternalName || !service.HasSelector)
        {
            return new ServiceResolution(service, [], false, []);
        }

        var pairs = service.SelectorPairs;
        var key = new SelectionKey(service.Namespace, service.ApplyUnit, string.Concat(pairs.Select(p => $"{p.Key.Length}:{p.Key}{p.Value.Length}:{p.Value}")));
        if (!_selections.TryGetValue(key, out var selection))
        {
            selection = new Selection(_selections.Count, ApplyUnits.Closest(index.Select(service.Namespace, pairs), t => t.Owner.ApplyUnit, service.ApplyUnit));
            _selections[key] = selection;
        }

        var unknowable = pairs.Any(p => ControllerLabels.IsUnknowable(p.Key));
        var ports = new PortResolution[service.Ports.Count];
        for (var i = 0; i < ports.Length; i++)
        {
            ports[i] = new PortResolution(service.Ports[i], Backends(service.Ports[i], selection));
        }

        return new ServiceResolution(service, selection.Pods, unknowable, ports);
    }

    private IReadOnlyList<PortBackend> Backends(ServicePort port, Selection selection)
    {
        var key = new BackendKey(selection.Id, port.Port?.Value, port.TargetPort?.Name, port.TargetPort?.Number, port.Protocol);
        if (!_backends.TryGetValue(key, out var backends))
        {
            var each = new PortBackend[selection.Pods.Count];
            for (var i = 0; i < each.Length; i++)
            {
                each[i] = Backend(port, selection.Pods[i]);
            }

            _backends[key] = backends = each;
        }

        return backends;
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
