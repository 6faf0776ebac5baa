namespace Linter.Tests;

/// <summary>A folder of a test's own under the temp directory, deleted when the test ends (linked into the test projects).</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kubelint-tests-").FullName;

    /// <summary>A cache directory inside the folder (not created: the compiler of custom rules creates it).</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Writes <paramref name="text"/> at <paramref name="relativePath"/> (folders created); returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
