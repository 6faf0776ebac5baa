namespace Linter.CustomRules;

/// <summary>A rule source file: its path relative to the display root ('/' separators) and its bytes.</summary>
internal sealed record RuleSource(string DisplayPath, byte[] Bytes)
{
    /// <summary>Reads <paramref name="files"/> (full paths) in ordinal order, so the result does not depend on the order given.</summary>
    public static (IReadOnlyList<RuleSource> Sources, IReadOnlyList<CompileProblem> Problems) ReadAll(IReadOnlyList<string> files, string displayRoot)
    {
        var sources = new List<RuleSource>();
        var problems = new List<CompileProblem>();
        foreach (var file in files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var displayPath = ToDisplayPath(file, displayRoot);
            try
            {
                sources.Add(new RuleSource(displayPath, File.ReadAllBytes(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.Unreadable, $"cannot read the file: {e.Message}"));
            }
        }
        return (sources, problems);
    }

    /// <summary><paramref name="path"/> relative to <paramref name="displayRoot"/>, with '/' separators.</summary>
    public static string ToDisplayPath(string path, string displayRoot) =>
        Path.GetRelativePath(displayRoot, path).Replace(Path.DirectorySeparatorChar, '/');
}
