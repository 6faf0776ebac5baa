using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Repositories keep alternatives side by side: book chapters, environments, a plain-manifest and a kustomize copy of
/// one app. Below the folder all input files share, each first-level folder is a unit; two units that both define one
/// workload (the same kind, namespace and name) are alternatives, not one state of the cluster: a namespace-wide
/// object of one (a NetworkPolicy) is not applied to the pods of the other, and a pod of one does not connect to a pod
/// of the other. Units that define different workloads (<c>team-a/</c>, <c>team-b/</c>) and units without workloads
/// (<c>deploy/policies</c> beside <c>deploy/apps</c>) go together.
/// </summary>
public sealed class AlternativeFolders
{
    private readonly int _rootLength;
    private readonly HashSet<(string, string)> _alternatives = [];
    private readonly Memo<string, string> _unitOfFolder;

    internal AlternativeFolders(ClusterSnapshot snapshot)
    {
        var folders = snapshot.Files.Select(f => f.Folder).Distinct(StringComparer.Ordinal).ToList();
        var root = folders.Count == 0 ? string.Empty : folders.Aggregate(CommonFolder);
        _rootLength = root.Length == 0 ? 0 : root.Length + 1;
        _unitOfFolder = new(UnitOf, StringComparer.Ordinal);
        // Only a workload defined more than once can make alternatives: found through the snapshot's identity index,
        // each such identity at its first copy, rather than grouping every workload.
        foreach (var workload in snapshot.Workloads)
        {
            if (snapshot.Find(workload.Key) is not { Count: > 1 } defined || defined.OfType<WorkloadObject>().First() != workload)
            {
                continue;
            }

            var units = defined.OfType<WorkloadObject>().Select(Unit).Distinct(StringComparer.Ordinal).ToList();
            foreach (var a in units)
            {
                foreach (var b in units.Where(b => b != a))
                {
                    _alternatives.Add((a, b));
                }
            }
        }
    }

    /// <summary>The two objects may be applied together: their units are not alternatives.</summary>
    public bool GoTogether(KubeObject a, KubeObject b) => _alternatives.Count == 0 || !_alternatives.Contains((Unit(a), Unit(b)));

    /// <summary>The first folder below the shared root ("" for files in the root itself); computed once per folder.</summary>
    private string Unit(KubeObject obj) => _unitOfFolder[obj.ApplyUnit];

    private string UnitOf(string folder)
    {
        var rest = folder.Length <= _rootLength ? string.Empty : folder.Substring(_rootLength);
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest.Substring(0, slash);
    }

    private static string CommonFolder(string a, string b)
    {
        var length = 0;
        for (var i = 0; i <= Math.Min(a.Length, b.Length); i++)
        {
            var endA = i == a.Length || a[i] == '/';
            var endB = i == b.Length || b[i] == '/';
            if (endA && endB)
            {
                length = i;
            }

            if (i == a.Length || i == b.Length || a[i] != b[i])
            {
                break;
            }
        }

        return a.Substring(0, length);
    }
}
