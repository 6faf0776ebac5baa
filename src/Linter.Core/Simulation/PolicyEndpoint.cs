using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>A named container port, as a NetworkPolicy's named <c>port</c> resolves it on the destination pod.</summary>
public readonly record struct NamedPort(string Name, int Number, string Protocol);

/// <summary>
/// One end of a connection NetworkPolicies decide on: the pods of a template of the input, built-in pods the
/// configuration describes (the cluster DNS), or an address outside the cluster.
/// </summary>
public sealed class PolicyEndpoint
{
    private readonly string? _description;

    private PolicyEndpoint(string? description) => _description = description;

    /// <summary>The pods' namespace; empty for an outside address.</summary>
    public string Namespace { get; private init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Labels { get; private init; } = new Dictionary<string, string>();

    /// <summary>The named ports of the pods' <c>containers</c> (not init containers: policies resolve names on those only).</summary>
    public IReadOnlyList<NamedPort> NamedPorts { get; private init; } = [];

    /// <summary>The pods use the node's network: their traffic is node traffic, on which no verdict is reached.</summary>
    public bool HostNetwork { get; private init; }

    public bool IsOutside { get; private init; }

    /// <summary>
    /// An outside name that may still be a pod of the cluster (<c>prometheus.monitoring</c> when the input does not
    /// know namespace <c>monitoring</c>): pod and namespace selectors may match it.
    /// </summary>
    public bool MayBeInCluster { get; private init; }

    /// <summary>The template, for pods of the input.</summary>
    public PodTemplate? Pod { get; private init; }

    /// <summary>How the endpoint reads in messages; a template's pods are described on demand (most never are).</summary>
    public string Description => _description ?? Pod!.ToString();

    public static PolicyEndpoint Of(PodTemplate pod)
    {
        // Most pods carry only their template's labels, which the template answers for without a copy.
        IReadOnlyDictionary<string, string> labels = pod.LabelValues;
        if (pod.ControllerLabels.Count > 0)
        {
            var merged = pod.LabelsByKey();
            foreach (var pair in pod.ControllerLabels)
            {
                merged[pair.Key] = pair.Value;
            }

            labels = merged;
        }

        var ports = new List<NamedPort>();
        var containers = pod.Spec.Containers;
        for (var c = 0; c < containers.Count; c++)
        {
            var declared = containers[c].Ports;
            for (var i = 0; i < declared.Count; i++)
            {
                if (declared[i] is { Name: { } name, Number: { } number } port)
                {
                    ports.Add(new NamedPort(name, number.Value, port.Protocol));
                }
            }
        }

        return new PolicyEndpoint(null)
        {
            Namespace = pod.Namespace, Labels = labels, NamedPorts = ports, HostNetwork = pod.Spec.HostNetwork?.Value == true, Pod = pod,
        };
    }

    public static PolicyEndpoint BuiltIn(string description, string ns, IReadOnlyDictionary<string, string> labels, IReadOnlyList<NamedPort> ports) =>
        new(description) { Namespace = ns, Labels = labels, NamedPorts = ports };

    public static PolicyEndpoint Outside(string description, bool mayBeInCluster = false) => new(description) { IsOutside = true, MayBeInCluster = mayBeInCluster };

    public override string ToString() => Description;
}
