namespace Linter.Rules.Tests;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder holding Linter.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The rule folder (rules/&lt;family&gt;/KL###-slug) of a rule id.</summary>
    public static string RuleFolder(string id) =>
        Directory.GetDirectories(Rules, id + "-*", SearchOption.AllDirectories).Single();
}
