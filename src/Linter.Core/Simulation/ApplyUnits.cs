namespace Linter.Core.Simulation;

/// <summary>
/// Repositories keep alternatives side by side (overlays, environments, versions of an app, book
/// chapters). When the input has several candidates for one role, the one in the folder closest to the
/// folder asking wins: the longest shared folder path.
/// </summary>
public static class ApplyUnits
{
    // The one candidate is the answer without the comparison, whose closures would be made at the start of any method holding it.
    public static IReadOnlyList<T> Closest<T>(IReadOnlyList<T> candidates, Func<T, string> folderOf, string folder) =>
        candidates.Count < 2 ? candidates : ClosestOfSeveral(candidates, folderOf, folder);

    private static IReadOnlyList<T> ClosestOfSeveral<T>(IReadOnlyList<T> candidates, Func<T, string> folderOf, string folder)
    {
        var depths = candidates.Select(c => SharedDepth(folder, folderOf(c))).ToList();
        var best = depths.Max();
        return candidates.Where((_, i) => depths[i] == best).ToList();
    }

    /// <summary>How many leading folder names two paths share (without splitting them).</summary>
    private static int SharedDepth(string a, string b)
    {
        if (a == b)
        {
            return int.MaxValue;
        }

        var depth = 0;
        for (var at = 0; ; at++)
        {
            var endA = a.IndexOf('/', at) is var slashA and >= 0 ? slashA : a.Length;
            var endB = b.IndexOf('/', at) is var slashB and >= 0 ? slashB : b.Length;
            if (endA != endB || string.CompareOrdinal(a, at, b, at, endA - at) != 0)
            {
                return depth;
            }

            depth++;
            if (endA == a.Length || endB == b.Length)
            {
                return depth;
            }

            at = endA;
        }
    }
}
