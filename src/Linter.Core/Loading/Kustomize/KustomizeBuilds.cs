namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// The input after its kustomizations are built. A file a build read is linted as part of that build, not a second
/// time on its own (unless the user named it); a kustomization another one builds on is linted only inside it. Files
/// the builds read from outside the input join it without objects: findings, comments and snippets point into them.
/// </summary>
internal static class KustomizeBuilds
{
    public static List<SourceFile> Settle(List<SourceFile> files, ISet<string> named)
    {
        var builds = files.Where(f => f.Build is not null).ToList();
        if (builds.Count == 0)
        {
            return files;
        }

        var consumed = new HashSet<string>(builds.SelectMany(b => b.Build!.Read).Select(f => f.Path), StringComparer.Ordinal);
        foreach (var file in files.Where(f => consumed.Contains(f.Path) && !named.Contains(f.Path)))
        {
            file.Documents.Clear();
        }

        foreach (var build in builds.Where(b => !consumed.Contains(b.Path) || named.Contains(b.Path)))
        {
            build.Problems.AddRange(build.Build!.Notes);
        }

        var present = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        var joined = files.ToList();
        foreach (var read in builds.SelectMany(b => b.Build!.Read).Where(r => present.Add(r.Path)))
        {
            read.Documents.Clear();
            joined.Add(read);
        }

        return joined;
    }
}
