using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Rules.Headless;

/// <summary>StatefulSets with a <c>serviceName</c>, and the Service it names when the input has it.</summary>
internal static class GoverningServices
{
    public static IEnumerable<(WorkloadObject StatefulSet, ServiceObject? Service)> Of(ClusterSnapshot snapshot) =>
        snapshot.Workloads
            .Where(w => w.Kind == "StatefulSet" && w.ServiceNameNode is { Value.Length: > 0 })
            .Select(s => (s, snapshot.FindService(s.Namespace, s.ServiceNameNode!.Value, s.ApplyUnit)));
}
