namespace Linter.Core.Loading;

/// <summary>Where manifests come from: paths, directories and globs on disk, or text handed over directly.</summary>
public sealed record InputSource
{
    private InputSource(string path, string? text) => (Path, Text) = (path, text);

    /// <summary>A file, a directory (searched recursively), a glob such as <c>deploy/**/*.yaml</c>.</summary>
    public string Path { get; }

    /// <summary>The content, when it does not come from disk (standard input, an IDE buffer).</summary>
    public string? Text { get; }

    public static InputSource FromPath(string path) => new(path, null);

    public static InputSource FromText(string displayPath, string text) => new(displayPath, text);
}
