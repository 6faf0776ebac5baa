namespace Linter.Core.Loading;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; <see cref="EndColumn"/> is one past
/// the last character, as SARIF regions expect.
/// </summary>
public readonly record struct SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan StartOf(string path) => new(path, 1, 1, 1, 1);

    public bool Contains(int line, int column) =>
        (line > Line || (line == Line && column >= Column)) &&
        (line < EndLine || (line == EndLine && column < EndColumn));

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
