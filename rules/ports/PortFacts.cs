using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Rules.Ports;

/// <summary>Facts about ports that several port rules share, so each bad value is judged once (RULES.md ground rule 4).</summary>
internal static class PortFacts
{
    public static bool IsValidProtocol(string protocol) => protocol is "TCP" or "UDP" or "SCTP";

    public static bool IsValidNumber(int port) => port is >= 1 and <= 65535;

    /// <summary>The service port is well formed enough to simulate: a valid number and protocol.</summary>
    public static bool CanResolve(ServicePort port) =>
        port.Port is { Value: var n } && IsValidNumber(n) && IsValidProtocol(port.Protocol) &&
        (port.TargetPort is not { Number: { } t } || t == 0 || IsValidNumber(t)) &&
        (port.TargetPort is not { Name: { } name } || NameValidation.IanaServiceName(name).Count == 0);

    /// <summary>The port resolutions of selector-backed Services worth checking: resolvable ports with at least one selected pod.</summary>
    public static IEnumerable<PortResolution> ResolvedPorts(ClusterSnapshot snapshot) =>
        snapshot.Services
            .Select(snapshot.Resolve)
            .Where(r => r.Selected.Count > 0)
            .SelectMany(r => r.Ports)
            .Where(p => CanResolve(p.Port));

    /// <summary>Some selected pod declares container ports at all (otherwise nothing is known about what they listen on).</summary>
    public static bool PodsDeclarePorts(PortResolution resolution) =>
        resolution.Backends.Any(b => b.Pod.Spec.RunningContainers.Any(c => c.Ports.Count > 0));

    /// <summary>No selected pod declares the target number, whatever the protocol.</summary>
    public static bool NumberUndeclared(PortResolution resolution) =>
        resolution.Backends.All(b => b.Declared is null && b.OtherProtocol is null);

    public static string DeclaredByPods(PortResolution resolution) =>
        Describe.List(resolution.Backends.Select(b => b.Pod).Distinct().Select(p => $"{p.Owner} declares {Describe.DeclaredPorts(p)}"));
}
