namespace Linter.Core.Output;

/// <summary>Paths as CI systems expect them: relative to the repository root.</summary>
internal static class ReportPaths
{
    /// <summary>The nearest folder above <paramref name="start"/> (inclusive) holding <c>.git</c>, else <paramref name="start"/>.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(start);
    }

    /// <summary>A finding's path (relative to the working directory) made relative to <paramref name="root"/> with '/'; null when outside it.</summary>
    public static string? RelativeTo(string root, string workingDirectory, string path)
    {
        if (path == "<stdin>")
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        var prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full.Substring(prefix.Length).Replace('\\', '/') : null;
    }
}
