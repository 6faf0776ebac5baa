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

    public static (IReadOnlyList<string> Files, IReadOnlyList<Missing> Missing) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var missing = new List<Missing>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(Path.GetFullPath(argument));
            }
            else if (Directory.Exists(argument))
            {
                files.AddRange(Walk(Path.GetFullPath(argument)));
            }
            else if (argument.IndexOfAny(['*', '?', '[']) >= 0)
            {
                var matched = Glob(argument);
                if (matched.Count == 0)
                {
                    missing.Add(new Missing(argument, "the pattern matches no file"));
                }

                files.AddRange(matched);
            }
            else
            {
                missing.Add(new Missing(argument, "no such file or directory"));
            }
        }

        var unique = files.Distinct(StringComparer.Ordinal).ToList();
        unique.Sort(StringComparer.Ordinal);
        return (unique, missing);
    }

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
                else if (IsManifestFile(name) && !name.StartsWith(".", StringComparison.Ordinal))
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
