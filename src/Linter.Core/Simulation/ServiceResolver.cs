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

        var pairs = service.Selector!.Select(p => new KeyValuePair<string, string>(p.Key.Value, p.Value.Value)).ToList();
        var selected = PreferClosestFolder(service, index.Select(service.Namespace, pairs));
        var unknowable = pairs.Any(p => ControllerLabels.IsUnknowable(p.Key));
        var ports = service.Ports.Select(p => new PortResolution(p, selected.Select(t => Backend(p, t)).ToList())).ToList();
        return new ServiceResolution(service, selected, unknowable, ports);
    }

    /// <summary>The Service's selector matches the template's pods (labels the controller adds included).</summary>
    public static bool Selects(ServiceObject service, PodTemplate pod) =>
        service.HasSelector && service.Namespace == pod.Namespace && !service.IsExternalName &&
        service.Selector!.All(pair =>
            ControllerLabels.IsUnknowable(pair.Key.Value) ||
            (pod.LabelValues.TryGetValue(pair.Key.Value, out var value) && value == pair.Value.Value) ||
            pod.ControllerLabels.Any(l => l.Key == pair.Key.Value && l.Value == pair.Value.Value));

    /// <summary>
    /// Of the matching pods, those whose folder is closest to the Service's (the longest shared folder
    /// path): copies of a workload in other folders are alternatives (overlays, environments, versions).
    /// </summary>
    private static IReadOnlyList<PodTemplate> PreferClosestFolder(ServiceObject service, IReadOnlyList<PodTemplate> selected)
    {
        if (selected.Count < 2)
        {
            return selected;
        }

        var depths = selected.Select(t => SharedDepth(service.ApplyUnit, t.Owner.ApplyUnit)).ToList();
        var best = depths.Max();
        return selected.Where((_, i) => depths[i] == best).ToList();
    }

    private static int SharedDepth(string a, string b)
    {
        if (a == b)
        {
            return int.MaxValue;
        }

        var left = a.Split('/');
        var right = b.Split('/');
        var depth = 0;
        while (depth < left.Length && depth < right.Length && left[depth] == right[depth])
        {
            depth++;
        }

        return depth;
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
