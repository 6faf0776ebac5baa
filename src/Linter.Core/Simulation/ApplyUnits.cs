namespace Linter.Core.Simulation;

/// <summary>
/// Repositories keep alternatives side by side (overlays, environments, versions of an app, book
/// chapters). When the input has several candidates for one role, the one in the folder closest to the
/// folder asking wins: the longest shared folder path.
/// </summary>
public static class ApplyUnits
{
    public static IReadOnlyList<T> Closest<T>(IReadOnlyList<T> candidates, Func<T, string> folderOf, string folder)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        var depths = candidates.Select(c => SharedDepth(folder, folderOf(c))).ToList();
        var best = depths.Max();
        return candidates.Where((_, i) => depths[i] == best).ToList();
    }

    private static int SharedDepth(string a, string b)
    {
        if (a == b)
        {
            return int.MaxValue;
        }

        var left = a.Split('/');
        var right = b.Split('/');
        var depth = 0;
        while (depth < left.Length && depth < right.Length && left[depth] == right[depth])
        {
            depth++;
        }

        return depth;
    }
}
