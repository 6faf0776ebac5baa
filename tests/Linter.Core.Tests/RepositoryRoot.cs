namespace Linter.Core.Tests;

internal static class RepositoryRoot
{
    /// <summary>The checkout's root: the folder holding Linter.sln above the test binaries.</summary>
    public static string Path { get; } = Find(new DirectoryInfo(AppContext.BaseDirectory));

    private static string Find(DirectoryInfo? dir) =>
        dir is null ? throw new InvalidOperationException("Linter.sln not found")
        : File.Exists(System.IO.Path.Combine(dir.FullName, "Linter.sln")) ? dir.FullName : Find(dir.Parent);
}
