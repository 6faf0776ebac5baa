namespace Linter.Core.Simulation;

/// <summary>
/// A GatewayClass of the cluster that is not in the input (<c>cluster.gatewayClasses</c>): its name, and where its
/// data plane runs (<c>inCluster</c> or <c>external</c>; null when the configuration does not say).
/// </summary>
public sealed record ConfiguredGatewayClass(string Name, string? DataPlane);
