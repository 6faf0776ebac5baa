using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>What one Service reaches: the pod templates it selects and, per port, the endpoint on each.</summary>
public sealed class ServiceResolution(ServiceObject service, IReadOnlyList<PodTemplate> selected, bool usesUnknowableLabels, IReadOnlyList<PortResolution> ports)
{
    public ServiceObject Service { get; } = service;

    public IReadOnlyList<PodTemplate> Selected { get; } = selected;

    /// <summary>The selector names a label only a controller knows (pod-template-hash, controller-uid).</summary>
    public bool UsesUnknowableLabels { get; } = usesUnknowableLabels;

    public IReadOnlyList<PortResolution> Ports { get; } = ports;

    /// <summary>The resolution of the service port with this <c>port</c> number, the first if several have it.</summary>
    internal PortResolution? PortNumbered(int number) => First(number, static (p, n) => p.Port.Port?.Value == n);

    /// <summary>The resolution of this service port.</summary>
    internal PortResolution? Of(ServicePort port) => First(port, static (p, wanted) => p.Port == wanted);

    /// <summary>The first port that matches, searched with the state passed in: routes by the thousand ask, and a closure each cost more than the search.</summary>
    private PortResolution? First<TState>(TState state, Func<PortResolution, TState, bool> matches)
    {
        for (var i = 0; i < Ports.Count; i++)
        {
            if (matches(Ports[i], state))
            {
                return Ports[i];
            }
        }

        return null;
    }
}

public sealed class PortResolution(ServicePort port, IReadOnlyList<PortBackend> backends)
{
    public ServicePort Port { get; } = port;

    /// <summary>One entry per selected pod template, in selection order.</summary>
    public IReadOnlyList<PortBackend> Backends { get; } = backends;
}

/// <summary>
/// Where a service port lands on one pod template. <see cref="TargetNumber"/> is the port traffic is
/// sent to (null when a named targetPort is not found: the pod gets no endpoint for this port);
/// <see cref="Declared"/> is the container port declaring it, if any.
/// </summary>
public sealed record PortBackend(PodTemplate Pod, int? TargetNumber, Container? Container, ContainerPort? Declared)
{
    /// <summary>A container port with the target's number exists, but only with another protocol.</summary>
    public ContainerPort? OtherProtocol { get; init; }
}
