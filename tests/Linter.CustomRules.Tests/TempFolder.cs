namespace Linter.CustomRules.Tests;

/// <summary>A folder of its own under the temp directory, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kubelint-custom-rules-tests-").FullName;

    /// <summary>A cache directory inside the folder (not created: the compiler creates it).</summary>
    public string Cache => Path.Combine(Root, "cache");

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
