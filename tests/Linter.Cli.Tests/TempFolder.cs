namespace Linter.Cli.Tests;

/// <summary>A folder of a test's own, deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("kubelint-test-").FullName;

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
