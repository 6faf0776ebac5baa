using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Linter.Core.Loading;

/// <summary>Turns path arguments (files, directories, globs) into the manifest files they name.</summary>
public static class PathExpander
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
            if (File.Exists(path))
            {
                (argument.Listed ? found : named).Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                found.AddRange(Walk(Path.GetFullPath(path)));
            }
            else if (path.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var matched = Glob(path);
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
        var unique = named.Concat(kept).Distinct(StringComparer.Ordinal).ToList();
        unique.Sort(StringComparer.Ordinal);
        var excluded = found.Except(unique, StringComparer.Ordinal).Count();
        return new Expansion(unique, missing, excluded);
    }

    /// <summary>The files to read, the arguments that named nothing, and how many files include/exclude left out.</summary>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<Missing> Missing, int Excluded);

    public static bool IsManifestFile(string path) =>
        ManifestExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (!IsSkippedFolder(name))
                    {
                        pending.Push(entry);
                    }
                }
                else if ((IsManifestFile(name) || KustomizePatches.IsKustomizationFile(name)) && !name.StartsWith(".", StringComparison.Ordinal))
                {
                    // Hidden files (.kubelint.yaml, .gitlab-ci.yml, .pre-commit-config.yaml) are tool settings, not manifests.
                    yield return entry;
                }
            }
        }
    }

    private static bool IsSkippedFolder(string name) =>
        (name.StartsWith(".", StringComparison.Ordinal) && name != "." && name != "..") || SkippedFolders.Contains(name);

    private static List<string> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        var fixedParts = parts.TakeWhile(p => p.IndexOfAny(['*', '?', '[']) < 0).ToList();
        var baseDir = fixedParts.Count == 0 ? "." : string.Join("/", fixedParts);
        if (normalized.StartsWith("/", StringComparison.Ordinal) && fixedParts.Count == 1)
        {
            baseDir = "/";
        }

        var rest = string.Join("/", parts.Skip(fixedParts.Count));
        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(baseDir)));
        return result.Files
            .Where(f => !f.Path.Split('/').Any(IsSkippedFolder))
            .Select(f => Path.GetFullPath(Path.Combine(baseDir, f.Path)))
            .ToList();
    }
}
