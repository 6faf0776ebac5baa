namespace Linter.Core.Loading;

/// <summary>One input file (or standard input) with its documents and the problems met reading it.</summary>
public sealed class SourceFile(string path, string text)
{
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The text of the file a thread read last, decoded: a file's names are located one after another, its lines read together.
    [ThreadStatic]
    private static SourceFile? _decodedFile;
    [ThreadStatic]
    private static string? _decodedText;

    // Rules run in parallel: the line-start table may be built twice at worst (the same array); locating remembers the last
    // scalar, which only one thread at a time may use.
    private readonly object _locating = new();
    private string? _text = text;
    private byte[]? _utf8;
    private int[]? _lineStarts;
    private VerbatimScalar? _lastScalar;

    /// <summary>The path as shown to users: relative to the working directory when inside it, '/' separators.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// The file's text. Once the file is bound its text is kept as UTF-8 (half the memory of a string for a manifest)
    /// and decoded when it is read again: each thread keeps the last file it decoded.
    /// </summary>
    public string Text => _text ?? Decoded();

    /// <summary><see cref="Text"/> is empty (known without decoding it: only a text with characters is kept as UTF-8).</summary>
    internal bool IsEmpty => _text is { Length: 0 };

    /// <summary>The file started with a UTF-8 byte order mark (removed from <see cref="Text"/>).</summary>
    public bool HasByteOrderMark { get; init; }

    /// <summary>The folder of <see cref="Path"/> ('' for standard input and files in the working directory).</summary>
    public string Folder { get; internal set; } = path.LastIndexOf('/') is var slash and > 0 ? path.Substring(0, slash) : string.Empty;

    public List<SourceDocument> Documents { get; } = [];

    /// <summary>The kustomization, for a file named like one (<c>kustomization.yaml</c>): it is read for its patches, not linted.</summary>
    public MappingNode? Kustomization { get; internal set; }

    /// <summary>For a kustomization: what building it gave (its objects are <see cref="Documents"/>).</summary>
    internal Kustomize.KustomizeOutput? Build { get; set; }

    /// <summary>The files the file's kustomizations name as patches, relative to its folder (see <see cref="KustomizePatches"/>).</summary>
    internal IReadOnlyList<string> PatchPaths { get; set; } = [];

    public List<InputProblem> Problems { get; } = [];

    /// <summary>The regions of rendered Helm output (<c># Source:</c> comments), in order; empty for other files.</summary>
    internal IReadOnlyList<RenderedRegion> RenderedFrom { get; set; } = [];

    /// <summary>The file's comments (suppression directives live there).</summary>
    public IReadOnlyList<YamlComment> Comments { get; internal set; } = [];

    /// <summary>True when the file could not be read or parsed at all (KL001).</summary>
    public bool Failed { get; internal set; }

    /// <summary>
    /// Lets the documents' node trees go once they are bound: what rules need lives in the bound objects (and the
    /// scalars they keep), and a tree per file for the whole run was most of the memory at scale.
    /// </summary>
    public void ReleaseTrees()
    {
        foreach (var document in Documents)
        {
            document.Release();
        }
    }

    /// <summary>The text was decoded from exactly these bytes (strict UTF-8, no byte order mark): they are what
    /// <see cref="KeepTextAsUtf8"/> keeps, not a second encoding of the text.</summary>
    internal void ReadFromUtf8(byte[] utf8) => _utf8 = utf8;

    /// <summary>Keeps the text as UTF-8 from now on (a text that UTF-8 cannot hold, with a lone surrogate, stays as it is).</summary>
    internal void KeepTextAsUtf8()
    {
        if (_text is not { Length: > 0 } text)
        {
            return;
        }

        if (_utf8 is not null)
        {
            _text = null;
            return;
        }

        try
        {
            _utf8 = StrictUtf8.GetBytes(text);
            _text = null;
        }
        catch (System.Text.EncoderFallbackException)
        {
            // Kept as the string it is.
        }
    }

    private string Decoded()
    {
        if (!ReferenceEquals(_decodedFile, this))
        {
            _decodedText = StrictUtf8.GetString(_utf8!);
            _decodedFile = this;
        }

        return _decodedText!;
    }

    /// <summary>The text of a 1-based line, without its line break; empty for a line the file does not have.</summary>
    public string Line(int number)
    {
        // From the line-start table: only the line asked for becomes a string (a split kept every line of the file).
        var starts = LineStarts();
        if (number < 1 || number > starts.Length)
        {
            return string.Empty;
        }

        var text = Text;
        var start = starts[number - 1];
        var end = number < starts.Length ? starts[number] - 1 : text.Length;
        return text.Substring(start, end - start).TrimEnd('\r');
    }

    /// <summary>
    /// The span of <paramref name="length"/> characters at <paramref name="index"/> of a scalar's value,
    /// found in the source text (quotes, escapes and block scalars shift columns): the n-th occurrence
    /// of the substring in the value is the n-th in the scalar's source. Falls back to the scalar's span.
    /// </summary>
    public SourceSpan Locate(ScalarNode scalar, int index, int length)
    {
        lock (_locating)
        {
            return LocateOnce(scalar, index, length);
        }
    }

    private SourceSpan LocateOnce(ScalarNode scalar, int index, int length)
    {
        var value = scalar.Value;
        if (index < 0 || length <= 0 || index + length > value.Length)
        {
            return scalar.Span;
        }

        // A scalar on one line as wide as its value (plus its quotes) is written as its value, without an escape: the part
        // stands at its index, and the text need not be read (a part starting with a quote character is left to counting).
        var span = scalar.Span;
        if (span.Line == span.EndLine && span.EndColumn - span.Column == value.Length + (scalar.IsQuoted ? 2 : 0) &&
            !(scalar.IsQuoted && value[index] is '"' or '\''))
        {
            var from = span.Column + (scalar.IsQuoted ? 1 : 0) + index;
            return new SourceSpan(Path, span.Line, from, span.Line, from + length);
        }

        if (Text.Length == 0)
        {
            return scalar.Span;
        }

        var start = Offset(scalar.Span.Line, scalar.Span.Column);
        var end = Offset(scalar.Span.EndLine, scalar.Span.EndColumn);
        var verbatim = Verbatim(scalar, start, end);
        int found;
        if (verbatim.Offset is { } at && (at == start || value[index] != Text[start]))
        {
            found = at + index;
        }
        else
        {
            // Counting resumes from the last part found in this scalar when it lies before this one, so locating the
            // parts of a long block scalar one after another reads it once.
            var (fromIndex, fromOffset) = verbatim.Resume is { } resume && resume.Index <= index ? resume : (0, start);
            found = NthOccurrence(value, index, length, fromIndex, fromOffset, end);
            verbatim.Resume = found < 0 ? null : (index, found);
        }

        if (found < 0)
        {
            return scalar.Span;
        }

        var (line, column) = Position(found);
        var (endLine, endColumn) = Position(found + length);
        return new SourceSpan(Path, line, column, endLine, endColumn);
    }

    /// <summary>
    /// Where the scalar's value stands character for character in the text (a plain or quoted scalar on one line,
    /// without escapes), or null. There the n-th occurrence of any part of the value is the part itself, found
    /// without counting (an occurrence starting on the opening quote is the one exception, left to counting).
    /// The last scalar asked about is remembered: its host names are located one after another.
    /// </summary>
    private VerbatimScalar Verbatim(ScalarNode scalar, int start, int end)
    {
        if (_lastScalar is { } last && ReferenceEquals(last.Scalar, scalar))
        {
            return last;
        }

        var value = scalar.Value;
        var at = start < Text.Length && Text[start] is '"' or '\'' ? start + 1 : start;
        int? offset = at + value.Length <= end && Text.AsSpan(at, value.Length).SequenceEqual(value.AsSpan()) ? at : null;
        _lastScalar = new VerbatimScalar(scalar, offset);
        return _lastScalar;
    }

    /// <summary>
    /// The n-th occurrence of the part in the source after <paramref name="start"/>, when it is the n-th in the value
    /// after <paramref name="fromIndex"/> (the same place); -1 when there is none.
    /// </summary>
    private int NthOccurrence(string value, int index, int length, int fromIndex, int start, int end)
    {
        var part = value.Substring(index, length);
        var occurrence = 0;
        for (var at = value.IndexOf(part, fromIndex, StringComparison.Ordinal); at >= 0 && at < index; at = value.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            occurrence++;
        }

        var found = Text.IndexOf(part, start, Math.Max(0, end - start), StringComparison.Ordinal);
        for (var i = 0; i < occurrence && found >= 0; i++)
        {
            found = Text.IndexOf(part, found + 1, Math.Max(0, end - found - 1), StringComparison.Ordinal);
        }

        return found;
    }

    /// <summary>A scalar located before: where its value stands verbatim, or where the last part found in it was.</summary>
    private sealed class VerbatimScalar(ScalarNode scalar, int? offset)
    {
        public ScalarNode Scalar { get; } = scalar;

        public int? Offset { get; } = offset;

        public (int Index, int Offset)? Resume { get; set; }
    }

    private int[] LineStarts()
    {
        if (_lineStarts is null)
        {
            // Counted first, then filled: one exact array, no list growth (every file that locates a name builds one).
            var text = Text.AsSpan();
            var starts = new int[Newlines(text) + 1];
            var line = 1;
            var offset = 0;
            while (text.Slice(offset).IndexOf('\n') is var next and >= 0)
            {
                offset += next + 1;
                starts[line++] = offset;
            }

            _lineStarts = starts;
        }

        return _lineStarts;
    }

    private static int Newlines(ReadOnlySpan<char> text)
    {
#if NET
        return text.Count('\n');
#else
        var count = 0;
        foreach (var c in text)
        {
            count += c == '\n' ? 1 : 0;
        }

        return count;
#endif
    }

    private int Offset(int line, int column)
    {
        var starts = LineStarts();
        var lineStart = starts[Math.Min(Math.Max(line, 1), starts.Length) - 1];
        return Math.Min(Text.Length, lineStart + column - 1);
    }

    private (int Line, int Column) Position(int offset)
    {
        var starts = LineStarts();
        var line = Array.BinarySearch(starts, offset);
        line = line >= 0 ? line : ~line - 1;
        return (line + 1, offset - starts[line] + 1);
    }
}

/// <summary>A <c># comment</c>: its span and its text without the '#'.</summary>
public sealed record YamlComment(SourceSpan Span, string Text);

/// <summary>One YAML document of a file (or one item of a <c>kind: List</c>).</summary>
public sealed class SourceDocument(SourceFile file, int index, MappingNode root)
{
    private MappingNode? _root = root;

    public SourceFile File { get; } = file;

    public int Index { get; } = index;

    /// <summary>The document's node tree, until the engine has bound it (see <see cref="SourceFile.ReleaseTrees"/>).</summary>
    public MappingNode Root => _root ?? throw new InvalidOperationException($"the node tree of document {Index} of {File.Path} was released after binding; read the bound object");

    internal void Release() => _root = null;
}
