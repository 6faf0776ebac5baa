namespace Linter.Core.Loading;

/// <summary>One input file (or standard input) with its documents and the problems met reading it.</summary>
public sealed class SourceFile(string path, string text)
{
    private string[]? _lines;

    /// <summary>The path as shown to users: relative to the working directory when inside it, '/' separators.</summary>
    public string Path { get; } = path;

    public string Text { get; } = text;

    /// <summary>The folder of <see cref="Path"/> ('' for standard input and files in the working directory).</summary>
    public string Folder { get; } = path.LastIndexOf('/') is var slash and > 0 ? path.Substring(0, slash) : string.Empty;

    public List<SourceDocument> Documents { get; } = [];

    public List<InputProblem> Problems { get; } = [];

    /// <summary>True when the file could not be read or parsed at all (KL001).</summary>
    public bool Failed { get; internal set; }

    public string Line(int number)
    {
        _lines ??= Text.Split('\n');
        return number >= 1 && number <= _lines.Length ? _lines[number - 1].TrimEnd('\r') : string.Empty;
    }
}

/// <summary>One YAML document of a file (or one item of a <c>kind: List</c>).</summary>
public sealed record SourceDocument(SourceFile File, int Index, MappingNode Root);
