using Linter.Core.Model;

namespace Linter.Core.Simulation;

public sealed record NodePortClaim(ServiceObject Service, ServicePort Port, int Number);

/// <summary>
/// Allocates the input's node ports as the API server would, in input order: numbers are cluster-wide
/// whatever the protocol; one Service may reuse a number only for the same <c>port</c> (TCP and UDP).
/// The whole input is one cluster; only copies of one Service (same namespace and name, as in the folders of
/// alternative environments) do not collide with each other: one of them is applied, not both.
/// </summary>
public sealed class NodePortAllocation
{
    private readonly Dictionary<ServicePort, NodePortClaim> _conflicts = [];

    public NodePortAllocation(IEnumerable<ServiceObject> services, PortRange range)
    {
        var owners = new Dictionary<int, NodePortClaim>();
        foreach (var service in services.Where(s => s.AllowsNodePorts))
        {
            var shared = new Dictionary<int, int>();
            foreach (var port in service.Ports)
            {
                if (port.NodePort is not { Value: var number } || !range.Contains(number) || port.Port is null)
                {
                    continue;
                }

                if (shared.TryGetValue(port.Port.Value.Value, out var reused) && reused == number)
                {
                    continue;
                }

                var claim = new NodePortClaim(service, port, number);
                if (!owners.TryGetValue(number, out var owner))
                {
                    owners[number] = claim;
                    shared[port.Port.Value.Value] = number;
                }
                else if (owner.Service != service ? !IsCopy(owner.Service, service) : owner.Port.Protocol != port.Protocol)
                {
                    _conflicts[port] = owner;
                }
            }
        }
    }

    private static bool IsCopy(ServiceObject a, ServiceObject b) => a.Namespace == b.Namespace && a.Name == b.Name;

    /// <summary>The claim that already holds this port's node port, when allocating it would fail.</summary>
    public NodePortClaim? ConflictOf(ServicePort port) => _conflicts.TryGetValue(port, out var owner) ? owner : null;
}

public readonly record struct PortRange(int First, int Last)
{
    public static readonly PortRange DefaultNodePorts = new(30000, 32767);

    public bool Contains(int port) => port >= First && port <= Last;

    public override string ToString() => $"{First}-{Last}";
}
