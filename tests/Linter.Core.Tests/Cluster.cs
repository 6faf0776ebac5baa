using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

/// <summary>Builds a simulated cluster from YAML text, one file per argument (path → text).</summary>
internal static class Cluster
{
    public static ClusterSnapshot From(string yaml, SimulationOptions? options = null) =>
        FromFiles(("test.yaml", yaml)).WithOptions(options);

    public static ClusterSnapshot FromFiles(params (string Path, string Text)[] files) =>
        LintEngine.Simulate(files.Select(f => ManifestLoader.Parse(f.Path, f.Text)).ToList(), new SimulationOptions());

    private static ClusterSnapshot WithOptions(this ClusterSnapshot snapshot, SimulationOptions? options) =>
        options is null ? snapshot : LintEngine.Simulate(snapshot.Files.Select(f => ManifestLoader.Parse(f.Path, f.Text)).ToList(), options);

    public static ServiceObject Service(this ClusterSnapshot snapshot, string name) => snapshot.Services.Single(s => s.Name == name);

    public static string Deployment(string name, string labels, string containers) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          selector:
            matchLabels: {labels}
          template:
            metadata:
              labels: {labels}
            spec:
        {containers}
        ---

        """;
}
