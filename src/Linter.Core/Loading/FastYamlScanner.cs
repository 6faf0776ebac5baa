using System.Text;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace Linter.Core.Loading;

/// <summary>
/// Reads the block YAML that Kubernetes manifests are written in straight into a <see cref="YamlTreeBuilder"/>,
/// with the spans YamlDotNet's events give: block mappings and lists (compact <c>- - x</c>, lists at their parent
/// key's indent), one-line plain and quoted scalars, literal and folded block scalars, comments, document markers
/// and one-line flow collections of scalars. Anything else (anchors, aliases, tags, complex keys, scalars over
/// several lines, directives, merge and duplicate keys, tabs outside block scalars, deep nesting, any error) gives
/// up: <see cref="TryRead"/> returns null and YamlDotNet reads the file from its start.
/// </summary>
internal sealed class FastYamlScanner
{
    /// <summary>Deeper files are left to YamlDotNet (manifests nest about ten levels).</summary>
    private const int MaxNesting = 32;

    /// <summary>YamlDotNet refuses a simple key longer than 1,024 characters; longer ones are left to it.</summary>
    private const int MaxKeyLength = 1000;

    [ThreadStatic]
    private static StringBuilder? _sharedBuilder;

    private readonly string _text;
    private readonly YamlTreeBuilder _builder;
    private readonly StringTable _strings = StringTable.Current;
    private readonly StringBuilder _value;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private FastYamlScanner(string path, string text)
    {
        _text = text;
        _builder = new YamlTreeBuilder(path);
        _value = _sharedBuilder ??= new StringBuilder();
    }

    /// <summary>A scalar read on one line, not yet given to the builder (a key is known only once its colon is seen).</summary>
    private readonly record struct Token(int Line, int Column, int EndColumn, string Value, bool IsQuoted);

    /// <summary>The file's trees, or null when the text is outside the subset this scanner reads.</summary>
    public static YamlReader.Result? TryRead(string path, string text)
    {
        if (!OnlyPlainCharacters(text))
        {
            return null;
        }

        var scanner = new FastYamlScanner(path, text);
        try
        {
            return scanner.ReadStream() && scanner._builder.ProblemCount == 0 ? scanner._builder.Finish(complete: true) : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The builder's limits and checks: YamlDotNet's front end reports them with its positions.
            return null;
        }
    }

    /// <summary>No character that YAML treats specially beyond this subset: other line breaks (\r, U+0085, U+2028),
    /// control and non-printable characters, surrogates and the byte order mark.</summary>
    private static bool OnlyPlainCharacters(string text)
    {
        for (var i = PlainAsciiPrefix(text); i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c != '\n' && c != '\t' : c >= '\x7F' && (c <= '\x9F' || c >= '\uD800' || c == '\u2028' || c == '\u2029'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How many characters at the start of the text are, in whole blocks, tabs, line feeds and printable ASCII (nearly
    /// every manifest is, to its end), compared eight at a time. Written out rather than with <c>IndexOfAnyExcept</c> and
    /// <c>SearchValues</c>: the framework's generic search is compiled at run time, at the first tier, and so ran several
    /// times slower in a lint of a few hundred milliseconds than this loop, which is compiled ahead with kubelint.
    /// </summary>
    private static int PlainAsciiPrefix(string text)
    {
        var i = 0;
#if NET
        if (Vector128.IsHardwareAccelerated)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var space = Vector128.Create((ushort)' ');
            var printable = Vector128.Create((ushort)('~' - ' '));
            var tab = Vector128.Create((ushort)'\t');
            var lineFeed = Vector128.Create((ushort)'\n');
            for (; i <= text.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var block = Vector128.LoadUnsafe(ref chars, (nuint)i);
                var plain = Vector128.LessThanOrEqual(block - space, printable) |
                            Vector128.Equals(block, tab) | Vector128.Equals(block, lineFeed);
                if (plain != Vector128<ushort>.AllBitsSet)
                {
                    break;
                }
            }
        }
#endif
        return i;
    }

    private bool ReadStream()
    {
        if (!SkipLines())
        {
            return false;
        }

        var first = true;
        while (_pos < _text.Length)
        {
            if (AtMarker('-'))
            {
                var column = Column;
                _builder.StartDocument(_builder.Span(_line, column, _line, column + 3));
                _pos += 3;
                if (!EndLine() || !SkipLines())
                {
                    return false;
                }

                // An empty document: YamlDotNet puts its null where its scanner stands, past the next marker or the end.
                if (_pos >= _text.Length)
                {
                    // As libyaml, YamlDotNet's scanner ends the last line before the end of the stream.
                    EmitEmpty(Column == 1 ? _line : _line + 1, 2);
                    break;
                }

                if (AtMarker('-'))
                {
                    EmitEmpty(_line, 4);
                    first = false;
                    continue;
                }

                if (AtMarker('.'))
                {
                    return false;
                }
            }
            else if (first && !AtMarker('.'))
            {
                _builder.StartDocument(_builder.Span(_line, Column, _line, Column));
            }
            else
            {
                return false;
            }

            first = false;
            if (!ReadNode(blockIndent: -1))
            {
                return false;
            }

            if (_pos >= _text.Length)
            {
                break;
            }

            if (AtMarker('.'))
            {
                _pos += 3;
                if (!EndLine() || !SkipLines() || (_pos < _text.Length && !AtMarker('-')))
                {
                    return false;
                }
            }
            else if (!AtMarker('-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A node where a block node may start (a line's content, or after <c>- </c>); ends at the next content.</summary>
    /// <param name="blockIndent">The column (0-based) of the innermost block collection, -1 at the root.</param>
    private bool ReadNode(int blockIndent)
    {
        if (_builder.Depth >= MaxNesting)
        {
            return false;
        }

        switch (_text[_pos])
        {
            case '-' when IsBlankAt(_pos + 1):
                return ReadSequence(indentless: false);
            case '|' or '>':
                return ReadBlockScalar(blockIndent) && SkipLines();
            case '[' or '{':
                return ReadFlow() && EndLine() && SkipLines();
        }

        if (!ScanScalar(flow: false, out var scalar))
        {
            return false;
        }

        if (AtKeyIndicator())
        {
            return ReadMapping(scalar);
        }

        // YamlDotNet fails a plain scalar after a root plain scalar with a comment ("found a comment between adjacent
        // scalars"), even in a later document.
        if (blockIndent < 0 && !scalar.IsQuoted && SkipSpaces(_pos) is var at && at < _text.Length && _text[at] == '#')
        {
            return false;
        }

        return Emit(scalar) && EndLine() && SkipLines();
    }

    private bool ReadMapping(Token key)
    {
        var column = key.Column - 1;
        _builder.StartCollection(_builder.Span(key.Line, key.Column, key.Line, key.Column), null, isMapping: true, isFlow: false, isPair: false);
        while (true)
        {
            if (key.EndColumn - key.Column > MaxKeyLength || !Emit(key) || !ReadMappingValue(column))
            {
                return false;
            }

            var next = ContentColumn();
            if (next < column)
            {
                break;
            }

            if (next > column || IsSequenceEntry() || !ScanScalar(flow: false, out key) || !AtKeyIndicator())
            {
                return false;
            }
        }

        _builder.EndCollection(_builder.Span(_line, Column, _line, Column));
        return true;
    }

    /// <summary>The value after a key's colon (<see cref="_pos"/> just past it), on the same line or on later ones.</summary>
    private bool ReadMappingValue(int column)
    {
        // YamlDotNet puts an empty value right after the colon.
        var colonLine = _line;
        var colonColumn = Column;
        var at = SkipSpaces(_pos);
        if (LineEndsAt(at))
        {
            if (!EndLine() || !SkipLines())
            {
                return false;
            }

            var next = ContentColumn();
            if (next > column)
            {
                return ReadNode(blockIndent: column);
            }

            if (next == column && IsSequenceEntry())
            {
                return ReadSequence(indentless: true);
            }

            EmitEmpty(colonLine, colonColumn);
            return true;
        }

        _pos = at;
        switch (_text[at])
        {
            case '|' or '>':
                return ReadBlockScalar(column) && SkipLines();
            case '[' or '{':
                return ReadFlow() && EndLine() && SkipLines();
            case '-' when IsBlankAt(at + 1):
                return false;
        }

        return ScanScalar(flow: false, out var value) && !AtKeyIndicator() && Emit(value) && EndLine() && SkipLines();
    }

    /// <param name="indentless">At its parent key's indent (<c>key:\n- a</c>): YamlDotNet's start event spans the dash.</param>
    private bool ReadSequence(bool indentless)
    {
        var column = _pos - _lineStart;
        _builder.StartCollection(_builder.Span(_line, Column, _line, Column + (indentless ? 1 : 0)), null, isMapping: false, isFlow: false, isPair: false);
        while (true)
        {
            // YamlDotNet puts an empty item right after the dash.
            var dashLine = _line;
            var dashEnd = Column + 1;
            _pos++;
            var at = SkipSpaces(_pos);
            if (LineEndsAt(at))
            {
                if (!EndLine() || !SkipLines())
                {
                    return false;
                }

                if (ContentColumn() > column)
                {
                    if (!ReadNode(blockIndent: column))
                    {
                        return false;
                    }
                }
                else
                {
                    EmitEmpty(dashLine, dashEnd);
                }
            }
            else
            {
                _pos = at;
                if (!ReadNode(blockIndent: column))
                {
                    return false;
                }
            }

            var next = ContentColumn();
            if (next < column || (next == column && indentless && !IsSequenceEntry()))
            {
                break;
            }

            if (next > column || !IsSequenceEntry())
            {
                return false;
            }
        }

        _builder.EndCollection(_builder.Span(_line, Column, _line, Column));
        return true;
    }

    /// <summary>A literal (|) or folded (>) block scalar, read as libyaml's scanner (and YamlDotNet's) does.</summary>
    /// <param name="blockIndent">The column of the collection holding it: its lines are indented further.</param>
    private bool ReadBlockScalar(int blockIndent)
    {
        var literal = _text[_pos] == '|';
        var startLine = _line;
        var startColumn = Column;
        _pos++;
        var chomping = 0;
        var increment = 0;
        for (var i = 0; i < 2 && _pos < _text.Length; i++)
        {
            var c = _text[_pos];
            if (c is '+' or '-' && chomping == 0)
            {
                chomping = c == '+' ? 1 : -1;
            }
            else if (c is >= '1' and <= '9' && increment == 0)
            {
                increment = c - '0';
            }
            else
            {
                break;
            }

            _pos++;
        }

        if (!EndLine())
        {
            return false;
        }

        var indent = increment == 0 ? 0 : blockIndent >= 0 ? blockIndent + increment : increment;
        var value = _value.Clear();
        var trailingBreaks = 0;
        var leadingBreak = false;
        var leadingBlank = false;
        if (!ScanBreaks(ref indent, blockIndent, ref trailingBreaks, out var endLine, out var endColumn))
        {
            return false;
        }

        while (_pos - _lineStart == indent && _pos < _text.Length)
        {
            var trailingBlank = _text[_pos] is ' ' or '\t';
            if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
            {
                if (trailingBreaks == 0)
                {
                    value.Append(' ');
                }
            }
            else if (leadingBreak)
            {
                value.Append('\n');
            }

            value.Append('\n', trailingBreaks);
            trailingBreaks = 0;
            leadingBreak = false;
            leadingBlank = trailingBlank;
            var end = _text.IndexOf('\n', _pos);
            end = end < 0 ? _text.Length : end;
            if (SkipSpaces(_pos) >= end)
            {
                // A line of spaces only: YamlDotNet's reading of these is left to it.
                return false;
            }

            value.Append(_text, _pos, end - _pos);
            if (end < _text.Length)
            {
                leadingBreak = true;
                NewLine(end + 1);
            }
            else
            {
                _pos = end;
            }

            if (!ScanBreaks(ref indent, blockIndent, ref trailingBreaks, out endLine, out endColumn))
            {
                return false;
            }
        }

        if (chomping != -1 && leadingBreak)
        {
            value.Append('\n');
        }

        if (chomping == 1)
        {
            value.Append('\n', trailingBreaks);
        }

        var text = value.ToString();
        _builder.AddScalar(_builder.Span(startLine, startColumn, endLine, endColumn), text, ScalarTyping.Resolve(text, null, isPlain: false), isQuoted: false, null, isMergeCandidate: false);
        // The next content is read again from the start of the line the block scalar stopped on.
        if (_pos < _text.Length)
        {
            _pos = _lineStart;
        }

        return true;
    }

    /// <summary>
    /// The empty lines before a block scalar's next line and the indentation of that line (found from the first line
    /// when <paramref name="indent"/> is 0); the scalar ends after the last line break read.
    /// </summary>
    private bool ScanBreaks(ref int indent, int blockIndent, ref int breaks, out int endLine, out int endColumn)
    {
        var maxIndent = 0;
        endLine = _line;
        endColumn = Column;
        while (true)
        {
            while ((indent == 0 || _pos - _lineStart < indent) && _pos < _text.Length && _text[_pos] == ' ')
            {
                _pos++;
            }

            maxIndent = Math.Max(maxIndent, _pos - _lineStart);
            if (_pos >= _text.Length || _text[_pos] != '\n')
            {
                if (_pos < _text.Length && _text[_pos] == '\t' && (indent == 0 || _pos - _lineStart < indent))
                {
                    return false;
                }

                break;
            }

            if (_pos > _lineStart)
            {
                // A line of spaces only.
                return false;
            }

            breaks++;
            NewLine(_pos + 1);
            endLine = _line;
            endColumn = 1;
        }

        if (indent == 0)
        {
            indent = Math.Max(Math.Max(maxIndent, blockIndent + 1), 1);
        }

        return true;
    }

    /// <summary>A list or mapping in brackets on one line: scalars and further brackets, keys plain or quoted.</summary>
    private bool ReadFlow()
    {
        if (_builder.Depth >= MaxNesting)
        {
            return false;
        }

        var isMapping = _text[_pos] == '{';
        var close = isMapping ? '}' : ']';
        _builder.StartCollection(_builder.Span(_line, Column, _line, Column), null, isMapping, isFlow: true, isPair: false);
        _pos = SkipSpaces(_pos + 1);
        if (_pos < _text.Length && _text[_pos] != close)
        {
            while (true)
            {
                if (isMapping)
                {
                    if (!ScanScalar(flow: true, out var key) || key.EndColumn - key.Column > MaxKeyLength)
                    {
                        return false;
                    }

                    _pos = SkipSpaces(_pos);
                    if (!(_pos + 1 < _text.Length && _text[_pos] == ':' && _text[_pos + 1] == ' ') || !Emit(key))
                    {
                        return false;
                    }

                    _pos = SkipSpaces(_pos + 1);
                }

                if (!ReadFlowItem())
                {
                    return false;
                }

                _pos = SkipSpaces(_pos);
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == ',')
                {
                    _pos = SkipSpaces(_pos + 1);
                    if (_pos >= _text.Length || _text[_pos] == close)
                    {
                        return false;
                    }

                    continue;
                }

                if (_text[_pos] != close)
                {
                    return false;
                }

                break;
            }
        }

        if (_pos >= _text.Length)
        {
            return false;
        }

        _builder.EndCollection(_builder.Span(_line, Column, _line, Column));
        _pos++;
        return true;
    }

    private bool ReadFlowItem() =>
        _pos < _text.Length && _text[_pos] is '[' or '{' ? ReadFlow() : ScanScalar(flow: true, out var item) && Emit(item);

    /// <summary>A plain or quoted scalar that ends on its line; <see cref="_pos"/> moves past it.</summary>
    private bool ScanScalar(bool flow, out Token token)
    {
        token = default;
        if (_pos >= _text.Length)
        {
            return false;
        }

        var start = _pos;
        var c = _text[start];
        if (c is '"' or '\'')
        {
            return ScanQuoted(out token);
        }

        // Indicators; a dash starts a plain scalar when a non-blank follows (-1, --flag).
        if (c is '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or ' ' or '\t' or '\n'
            || (c == '-' && IsBlankAt(start + 1)))
        {
            return false;
        }

        var end = start + 1;
        for (var i = start + 1; i < _text.Length; i++)
        {
            c = _text[i];
            if (c == '\n' || (c == '#' && _text[i - 1] == ' ') || (c == ':' && (IsBlankAt(i + 1) || (flow && IsFlowIndicatorAt(i + 1)))) || (flow && c is ',' or '[' or ']' or '{' or '}'))
            {
                break;
            }

            if (c == '\t')
            {
                return false;
            }

            if (c != ' ')
            {
                end = i + 1;
            }
        }

        var value = _strings.Get(_text, start, end - start);
        if (value == "<<")
        {
            // A merge key: left to YamlDotNet's front end.
            return false;
        }

        _pos = end;
        token = new Token(_line, start - _lineStart + 1, end - _lineStart + 1, value, IsQuoted: false);
        return true;
    }

    /// <summary>A single- or double-quoted scalar closed on its line.</summary>
    private bool ScanQuoted(out Token token)
    {
        token = default;
        var start = _pos;
        var quote = _text[start];
        var value = _value.Clear();
        // No escape so far: the value is the text between the quotes.
        var plainRun = true;
        for (var i = start + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c is '\n' or '\t')
            {
                return false;
            }

            var escape = quote == '"' ? c == '\\' : c == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'';
            if (!escape)
            {
                if (c == quote)
                {
                    return Quoted(start, i + 1, plainRun, out token);
                }

                if (!plainRun)
                {
                    value.Append(c);
                }

                continue;
            }

            if (plainRun)
            {
                value.Append(_text, start + 1, i - start - 1);
                plainRun = false;
            }

            i = quote == '"' ? AppendEscape(i + 1) : AppendQuote(i + 1);
            if (i < 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The second quote of <c>''</c>; returns where the escape ends.</summary>
    private int AppendQuote(int at)
    {
        _value.Append('\'');
        return at;
    }

    /// <summary>The escape after a backslash; returns where it ends, or -1 for one left to YamlDotNet.</summary>
    private int AppendEscape(int at)
    {
        if (at >= _text.Length || Escaped(_text[at]) is not { } escaped)
        {
            return -1;
        }

        if (escaped is not ('x' or 'u'))
        {
            _value.Append(escaped);
            return at;
        }

        var digits = escaped == 'x' ? 2 : 4;
        if (at + digits >= _text.Length || !TryParseHex(at + 1, digits, out var code) || code is >= 0xD800 and <= 0xDFFF)
        {
            return -1;
        }

        _value.Append((char)code);
        return at + digits;
    }

    /// <summary>The character an escape stands for ('x' and 'u' for a code to follow), null for those left to YamlDotNet.</summary>
    private static char? Escaped(char c) => c switch
    {
        '\\' or '"' or '/' or ' ' => c,
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\x1B',
        'f' => '\f',
        'v' => '\v',
        'x' or 'u' => c,
        _ => null,
    };

    private bool TryParseHex(int from, int digits, out int code)
    {
        code = 0;
        for (var i = from; i < from + digits; i++)
        {
            var c = _text[i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            code = (code * 16) + digit;
        }

        return true;
    }

    /// <param name="start">The offset of the opening quote.</param>
    /// <param name="end">The offset of the closing quote.</param>
    /// <param name="plainRun">No escape: the value is the text between the quotes.</param>
    /// <param name="token">The scalar, when the text is one the scanner reads.</param>
    private bool Quoted(int start, int end, bool plainRun, out Token token)
    {
        var value = plainRun ? _strings.Get(_text, start + 1, end - start - 2) : _value.ToString();
        _pos = end;
        token = new Token(_line, start - _lineStart + 1, end - _lineStart + 1, value, IsQuoted: true);
        return true;
    }

    /// <summary>A colon and a blank after the scalar just read (spaces between allowed): it was a key.</summary>
    private bool AtKeyIndicator()
    {
        var at = SkipSpaces(_pos);
        if (at < _text.Length && _text[at] == ':' && IsBlankAt(at + 1))
        {
            _pos = at + 1;
            return true;
        }

        return false;
    }

    private bool Emit(Token token)
    {
        var kind = token.IsQuoted ? ScalarKind.String : ScalarTyping.Resolve(token.Value, null, isPlain: true);
        _builder.AddScalar(_builder.Span(token.Line, token.Column, token.Line, token.EndColumn), token.Value, kind, token.IsQuoted, null, isMergeCandidate: false);
        return true;
    }

    private void EmitEmpty(int line, int column) =>
        _builder.AddScalar(_builder.Span(line, column, line, column), string.Empty, ScalarKind.Null, isQuoted: false, null, isMergeCandidate: false);

    /// <summary>Past the token just read: spaces, a comment and the line break (or the end of the text).</summary>
    private bool EndLine()
    {
        var at = SkipSpaces(_pos);
        if (at >= _text.Length)
        {
            _pos = at;
            return true;
        }

        if (_text[at] == '\n')
        {
            NewLine(at + 1);
            return true;
        }

        if (_text[at] == '#' && at > _pos)
        {
            _pos = at;
            return ReadComment();
        }

        return false;
    }

    /// <summary>Past empty lines and comment lines, to the first content of a line or the end of the text.</summary>
    private bool SkipLines()
    {
        while (true)
        {
            var at = SkipSpaces(_pos);
            if (at >= _text.Length)
            {
                _pos = at;
                return true;
            }

            switch (_text[at])
            {
                case '\n':
                    NewLine(at + 1);
                    break;
                case '#':
                    _pos = at;
                    if (!ReadComment())
                    {
                        return false;
                    }

                    break;
                case '\t':
                    return false;
                default:
                    _pos = at;
                    return true;
            }
        }
    }

    /// <summary>A comment from its # to the end of the line, and the line break.</summary>
    private bool ReadComment()
    {
        var end = _text.IndexOf('\n', _pos);
        end = end < 0 ? _text.Length : end;
        if (_text.IndexOf('\t', _pos, end - _pos) >= 0)
        {
            return false;
        }

        var textStart = SkipSpaces(_pos + 1);
        textStart = Math.Min(textStart, end);
        _builder.AddComment(_builder.Span(_line, Column, _line, end - _lineStart + 1), _text.Substring(textStart, end - textStart));
        if (end < _text.Length)
        {
            NewLine(end + 1);
        }
        else
        {
            _pos = end;
        }

        return true;
    }

    /// <summary>The column (0-based) of the content <see cref="SkipLines"/> stopped at, -1 at the end of the text or a document marker.</summary>
    private int ContentColumn() =>
        _pos >= _text.Length || AtMarker('-') || AtMarker('.') ? -1 : _pos - _lineStart;

    /// <summary>A document marker (--- or ...) at the start of a line.</summary>
    private bool AtMarker(char c) =>
        _pos == _lineStart && _pos + 2 < _text.Length && _text[_pos] == c && _text[_pos + 1] == c && _text[_pos + 2] == c && IsBlankAt(_pos + 3);

    private bool IsSequenceEntry() => _text[_pos] == '-' && IsBlankAt(_pos + 1);

    /// <summary>Nothing but spaces lies between <see cref="_pos"/> and <paramref name="at"/>, and the line ends there (or a comment starts).</summary>
    private bool LineEndsAt(int at) => at >= _text.Length || _text[at] is '\n' || (_text[at] == '#' && at > _pos);

    /// <summary>A space, a line break or the end of the text (a tab is left to YamlDotNet).</summary>
    private bool IsBlankAt(int at) => at >= _text.Length || _text[at] is ' ' or '\n';

    private bool IsFlowIndicatorAt(int at) => at < _text.Length && _text[at] is ',' or '[' or ']' or '{' or '}';

    private int SkipSpaces(int at)
    {
        while (at < _text.Length && _text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private int Column => _pos - _lineStart + 1;

    private void NewLine(int next)
    {
        _line++;
        _lineStart = next;
        _pos = next;
    }
}
