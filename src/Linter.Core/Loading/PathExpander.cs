using Microsoft.Extensions.FileSystemGlobbing;

namespace Linter.Core.Loading;

/// <summary>Turns path arguments (files, directories, globs) into the manifest files they name.</summary>
internal static class PathExpander
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "node_modules" };

    /// <summary>An argument that names nothing on disk.</summary>
    public sealed record Missing(string Argument, string Reason);

    /// <summary>The files the arguments name, less those <paramref name="keep"/> rejects (counted as excluded); a file
    /// named explicitly (not <see cref="InputSource.Listed"/>) is kept whatever <paramref name="keep"/> says.</summary>
    public static Expansion Expand(IEnumerable<InputSource> arguments, Func<string, bool>? keep = null)
    {
        var named = new List<string>();
        var found = new List<string>();
        var missing = new List<Missing>();
        foreach (var argument in arguments)
        {
            var path = argument.Path;
            var (kind, error) = InputFiles.KindOf(path);
            if (kind is PathKind.Regular or PathKind.Other)
            {
                // A named FIFO or device is kept: reading it reports "not a regular file" without opening it.
                (argument.Listed ? found : named).Add(Path.GetFullPath(path));
            }
            else if (kind == PathKind.Directory)
            {
                found.AddRange(Walk(Path.GetFullPath(path), missing, manifestsOnly: true, maxDepth: int.MaxValue));
            }
            else if (kind == PathKind.Error)
            {
                missing.Add(new Missing(path, "cannot read: " + error));
            }
            else if (path.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var matched = Glob(path, missing);
                if (matched.Count == 0)
                {
                    missing.Add(new Missing(path, "the pattern matches no file"));
                }

                found.AddRange(matched);
            }
            else
            {
                missing.Add(new Missing(path, "no such file or directory"));
            }
        }

        var kept = keep is null ? found : found.Where(keep).ToList();
        var unique = named.Concat(kept).ToList();
        if (!OrdinalOrder.IsStrictlyIncreasing(unique, path => path))
        {
            unique = unique.Distinct(StringComparer.Ordinal).ToList();
            unique.Sort(StringComparer.Ordinal);
        }

        // Without include/exclude every file found is kept.
        var excluded = keep is null ? 0 : found.Except(unique, StringComparer.Ordinal).Count();
        return new Expansion(unique, missing, excluded);
    }

    /// <summary>The files to read, the arguments that named nothing, and how many files include/exclude left out.</summary>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<Missing> Missing, int Excluded);

    public static bool IsManifestFile(string path) =>
        ManifestExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The regular files under <paramref name="root"/>, each real directory walked once (symbolic links to folders are
    /// followed, but a loop or a second way to the same folder is not walked again); FIFOs and devices are never
    /// listed. Folders that cannot be read are reported in <paramref name="problems"/>, not skipped silently.
    /// </summary>
    private static List<string> Walk(string root, List<Missing> problems, bool manifestsOnly, int maxDepth)
    {
        var files = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { InputFiles.Identity(root) };
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (dir, depth) = pending.Pop();
            List<(string Path, PathKind? Kind)> entries;
            try
            {
                entries = InputFiles.Entries(dir);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                problems.Add(new Missing(dir, "cannot read the folder: " + ex.Message));
                continue;
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var firstFile = files.Count;
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i].Path;
                var name = Path.GetFileName(entry);
                // The listing tells a regular file (or a FIFO, a device) without a system call; a folder or a symbolic link takes one.
                var (kind, error) = entries[i].Kind is { } listed ? (listed, null) : InputFiles.KindOf(entry);
                switch (kind)
                {
                    case PathKind.Directory when depth < maxDepth && !IsSkippedFolder(name) && visited.Add(InputFiles.Identity(entry)):
                        pending.Push((entry, depth + 1));
                        break;
                    case PathKind.Regular or PathKind.Missing when !manifestsOnly || ((IsManifestFile(name) || KustomizePatches.IsKustomizationFile(name)) && !name.StartsWith(".", StringComparison.Ordinal)):
                        // Hidden files (.kubelint.yaml, .gitlab-ci.yml, .pre-commit-config.yaml) are tool settings, not manifests.
                        // A broken symbolic link is kept: reading it says so.
                        files.Add(entry);
                        break;
                    case PathKind.Error when !IsSkippedFolder(name):
                        problems.Add(new Missing(entry, "cannot read: " + error));
                        break;
                }
            }

            // The folder's files in name order (they were met last to first): where folders hold either files or folders
            // (and names no character below '/'), the walk then lists the paths in order and Expand need not sort them.
            files.Reverse(firstFile, files.Count - firstFile);
        }

        return files;
    }

    private static bool IsSkippedFolder(string name) =>
        (name.StartsWith(".", StringComparison.Ordinal) && name != "." && name != "..") || SkippedFolders.Contains(name);

    private static List<string> Glob(string pattern, List<Missing> problems)
    {
        var normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(['*', '?', '[']) < 0).ToList();
        var baseDir = fixedParts.Count == 0 ? "." : string.Join("/", fixedParts);
        if (normalized.StartsWith("/", StringComparison.Ordinal) && fixedParts.Count == 1)
        {
            baseDir = "/";
        }

        var restParts = parts.Skip(fixedParts.Count).ToList();
        if (InputFiles.KindOf(baseDir).Kind != PathKind.Directory)
        {
            return [];
        }

        // The folders are walked here (each real one once, so a symbolic link loop ends) and the pattern matched in
        // memory; a pattern without ** looks no deeper than its parts.
        var root = Path.GetFullPath(baseDir);
        var depth = restParts.Contains("**") ? int.MaxValue : restParts.Count;
        var candidates = Walk(root, problems, manifestsOnly: false, depth);
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join("/", restParts));
        var result = matcher.Match(root, candidates);
        return result.Files
            .Select(f => Path.GetFullPath(Path.Combine(root, f.Path)))
            .ToList();
    }
}
