using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>A node port a Service asks for: a port's <c>nodePort</c>, or (with no port) its <c>healthCheckNodePort</c>.</summary>
public sealed record NodePortClaim(ServiceObject Service, ServicePort? Port, int Number, ScalarNode Node)
{
    /// <summary>The field that asks for the number.</summary>
    public string Field => Port is null ? "healthCheckNodePort" : "nodePort";
}

/// <summary>
/// Allocates the input's node ports as the API server would, in input order: numbers are cluster-wide
/// whatever the protocol; one Service may reuse a number only for the same <c>port</c> (TCP and UDP).
/// A LoadBalancer Service with <c>externalTrafficPolicy: Local</c> also takes its <c>healthCheckNodePort</c>
/// from the same range, after its ports' node ports.
/// The whole input is one cluster; only copies of one Service (same namespace and name, as in the folders of
/// alternative environments) do not collide with each other: one of them is applied, not both.
/// </summary>
public sealed class NodePortAllocation
{
    private readonly Dictionary<ServicePort, NodePortClaim> _conflicts = [];
    private readonly Dictionary<ServiceObject, NodePortClaim> _healthCheckConflicts = [];
    private readonly Dictionary<int, NodePortClaim> _owners = [];

    public NodePortAllocation(IEnumerable<ServiceObject> services, PortRange range)
    {
        foreach (var service in services.Where(s => s.AllowsNodePorts))
        {
            var shared = new Dictionary<int, int>();
            foreach (var port in service.Ports)
            {
                if (port.NodePort is not { Value: var number } nodePort || !range.Contains(number) || port.Port is null)
                {
                    continue;
                }

                if (shared.TryGetValue(port.Port.Value.Value, out var reused) && reused == number)
                {
                    continue;
                }

                if (Allocate(new NodePortClaim(service, port, number, nodePort.Node)) is { } owner)
                {
                    _conflicts[port] = owner;
                }
                else if (_owners[number].Port == port)
                {
                    shared[port.Port.Value.Value] = number;
                }
            }

            if (service is { Type: "LoadBalancer", ExternalTrafficPolicyNode.Value: "Local", HealthCheckNodePort: { } healthCheck } && range.Contains(healthCheck.Value) &&
                Allocate(new NodePortClaim(service, null, healthCheck.Value, healthCheck.Node)) is { } holder)
            {
                _healthCheckConflicts[service] = holder;
            }
        }
    }

    /// <summary>The claim that already holds this port's node port, when allocating it would fail.</summary>
    public NodePortClaim? ConflictOf(ServicePort port) => _conflicts.TryGetValue(port, out var owner) ? owner : null;

    /// <summary>The claim that already holds the Service's <c>healthCheckNodePort</c>, when allocating it would fail.</summary>
    public NodePortClaim? HealthCheckConflictOf(ServiceObject service) => _healthCheckConflicts.TryGetValue(service, out var owner) ? owner : null;

    /// <summary>Takes the number for the claim; returns the earlier claim that holds it when that fails.</summary>
    private NodePortClaim? Allocate(NodePortClaim claim)
    {
        if (!_owners.TryGetValue(claim.Number, out var owner))
        {
            _owners[claim.Number] = claim;
            return null;
        }

        var fails = owner.Service != claim.Service
            ? !IsCopy(owner.Service, claim.Service)
            : owner.Port is null || claim.Port is null || owner.Port.Protocol != claim.Port.Protocol;
        return fails ? owner : null;
    }

    private static bool IsCopy(ServiceObject a, ServiceObject b) => a.Namespace == b.Namespace && a.Name == b.Name;
}

public readonly record struct PortRange(int First, int Last)
{
    public static readonly PortRange DefaultNodePorts = new(30000, 32767);

    public bool Contains(int port) => port >= First && port <= Last;

    public override string ToString() => $"{First}-{Last}";
}
