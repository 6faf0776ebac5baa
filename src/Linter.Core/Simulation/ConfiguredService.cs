namespace Linter.Core.Simulation;

/// <summary>A Service that exists in the cluster but not in the input (an operator's, a Helm release's).</summary>
public sealed record ConfiguredService(string Namespace, string Name, IReadOnlyList<int> Ports, bool Headless);
