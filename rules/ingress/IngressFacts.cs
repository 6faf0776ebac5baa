using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

/// <summary>Facts the Ingress rules share.</summary>
internal static class IngressFacts
{
    /// <summary>
    /// The object's identity is defined twice in its file (KL005): the input holds alternatives, not one state of the
    /// cluster, so the object takes part in no comparison between objects.
    /// </summary>
    public static bool IsDefinedTwice(ClusterSnapshot snapshot, KubeObject obj) =>
        obj.Name.Length > 0 && snapshot.Find(obj.Key).Count(o => o.Document.File == obj.Document.File) > 1;
}
