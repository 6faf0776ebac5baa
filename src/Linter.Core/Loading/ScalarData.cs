namespace Linter.Core.Loading;

/// <summary>
/// What a scalar holds (its text, span, kind and quoting) as a value: a <see cref="ScalarNode"/> wraps one, and the
/// model keeps the scalars it holds in bulk (label pairs, numbers, ports, the names and keys of objects, containers and
/// ports) as this instead of as node objects, making a node when one is read.
/// </summary>
internal readonly record struct ScalarData
{
    // The kind and the quoting share a field with the end column, which needs 27 bits (a file has at most
    // LoadLimits.MaxFileBytes): a scalar node takes 48 bytes instead of 56, and a large input keeps over a million scalars.
    private const int ColumnBits = 27;
    private const int ColumnMask = (1 << ColumnBits) - 1;
    private const int QuotedBit = 1 << 30;

    private readonly string _path;
    private readonly int _line;
    private readonly int _column;
    private readonly int _endLine;
    private readonly int _endColumnKindQuoted;

    public ScalarData(SourceSpan span, string value, ScalarKind kind, bool isQuoted)
    {
        if (span.EndColumn is < 0 or > ColumnMask)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span.EndColumn, "A scalar's end column must be below 2^27.");
        }

        (_path, _line, _column, _endLine) = (span.Path, span.Line, span.Column, span.EndLine);
        _endColumnKindQuoted = span.EndColumn | ((int)kind << ColumnBits) | (isQuoted ? QuotedBit : 0);
        Value = value;
    }

    public string Value { get; }

    public SourceSpan Span => new(_path, _line, _column, _endLine, _endColumnKindQuoted & ColumnMask);

    public ScalarKind Kind => (ScalarKind)((_endColumnKindQuoted & ~QuotedBit) >> ColumnBits);

    public bool IsQuoted => (_endColumnKindQuoted & QuotedBit) != 0;

    /// <summary>A new node of this scalar; null for the default value (what a holder's default, such as an empty
    /// <c>FirstOrDefault</c>, held before scalars were kept as values).</summary>
    public ScalarNode? ToNode() => Value is null ? null : new ScalarNode(this);

    /// <summary>The node's data; the default value for no node.</summary>
    public static ScalarData Of(ScalarNode? node) => node is null ? default : node.Data;
}
