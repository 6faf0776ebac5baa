using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Linter.Core.Loading;

/// <summary>
/// Turns a YAML or JSON text into node trees with exact spans, one per document. Anchors, aliases
/// and merge keys (<c>&lt;&lt;</c>) are resolved as Kubernetes' decoder does; explicit keys win over
/// merged ones and the first merged mapping wins over later ones.
/// </summary>
public sealed class YamlReader
{
    /// <summary>Deeper nesting than this is reported instead of read (no Kubernetes object comes close).</summary>
    public const int MaxDepth = LoadLimits.MaxDepth;

    private readonly string _path;
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _stack = [];
    private int _documentCount;
    private int _nodeCount;
    private long _aliasExpansion;

    /// <summary>A node an anchor names, with what an alias of it adds: its height and its size when expanded.</summary>
    private readonly record struct Anchored(Node Node, int Height, long Size);

    private YamlReader(string path) => _path = path;

    public sealed record Result(IReadOnlyList<Node> Documents, IReadOnlyList<InputProblem> Problems, IReadOnlyList<YamlComment> Comments, IReadOnlyList<ScalarNode> ScalarsWithMarkers, bool Complete);

    public static Result Read(string path, string text)
    {
        var reader = new YamlReader(path);
        return reader.ReadAll(text);
    }

    private readonly List<Node> _documents = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<YamlComment> _comments = [];
    // Only the scalars holding "{{": the template-marker check needs no other (a list of every scalar cost memory per file).
    private readonly List<ScalarNode> _scalarsWithMarkers = [];

    private Result ReadAll(string text)
    {
        var complete = false;
        var scanner = new Scanner(new StringReader(text), skipComments: false);
        var parser = new Parser(scanner);
        try
        {
            while (parser.MoveNext())
            {
                Handle(parser.Current!);
            }

            complete = true;
        }
        catch (LimitException ex)
        {
            _problems.Add(new InputProblem(ProblemKind.Unparseable, ex.At, ex.Message));
        }
        catch (ArgumentException) when (scanner.Current is YamlDotNet.Core.Tokens.Tag tag)
        {
            // YamlDotNet checks a tag when the parser reaches it, and throws this without a position for an empty or
            // malformed one (!<>, !!+0); the tag is the token the parser is on.
            var written = text.Substring((int)tag.Start.Index, (int)(tag.End.Index - tag.Start.Index));
            _problems.Add(new InputProblem(ProblemKind.Unparseable, Span(tag.Start, tag.End), $"not valid YAML: the tag {written} is empty or not a valid URI"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet's scanner also throws InvalidOperationException (and others) in some states: every exception
            // from parsing the file is a problem of this file, at the best position known.
            var message = ex is YamlException yaml
                ? CleanMessage(yaml.Message)
                : $"the YAML scanner stopped here ({ex.Message.TrimEnd('.')}); is a flow collection ([ or {{) left open above?";
            var at = ex is YamlException y ? Span(y.Start, y.End) : Span(scanner.CurrentPosition, scanner.CurrentPosition);
            if (OpenFlow() is { } flow && (ex is not YamlException || message.Contains("flow")))
            {
                var bracket = flow.IsMapping ? '{' : '[';
                at = flow.Start with { EndLine = flow.Start.Line, EndColumn = flow.Start.Column + 1 };
                message = $"this flow {(flow.IsMapping ? "mapping" : "list")} ({bracket}) is never closed ({message})";
            }
            else if (TabIndentation(text, at) is { } tab)
            {
                at = tab;
                message = $"a tab is used for indentation; YAML allows only spaces ({message})";
            }

            _problems.Add(new InputProblem(ProblemKind.Unparseable, at, $"not valid YAML: {message}"));
        }

        return new Result(_documents, _problems, _comments, _scalarsWithMarkers, complete);
    }

    /// <summary>The innermost flow collection (<c>[</c> or <c>{</c>) still open.</summary>
    private Frame? OpenFlow()
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].IsFlow)
            {
                return _stack[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The first tab in a line's indentation, at or before the error: YamlDotNet reports such errors at the start of
    /// the file or where the block it confuses ends.
    /// </summary>
    private SourceSpan? TabIndentation(string text, SourceSpan error)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (line >= error.Line && !(error.Line == 1 && error.Column == 1))
                {
                    return null;
                }

                line++;
                lineStart = i + 1;
            }
            else if (c == '\t' && OnlySpaces(text, lineStart, i))
            {
                var column = i - lineStart + 1;
                return new SourceSpan(_path, line, column, line, column + 1);
            }
        }

        return null;
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message.Substring(cut + 3) : message;
        return text.TrimEnd('.');
    }

    private static bool OnlySpaces(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private void Handle(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                _anchors.Clear();
                _nodeCount = 0;
                _aliasExpansion = 0;
                if (++_documentCount > LoadLimits.MaxDocumentsPerFile)
                {
                    throw new LimitException(Span(e.Start, e.End), $"more than {LoadLimits.MaxDocumentsPerFile:N0} documents in one file (a limit of kubelint)");
                }

                break;
            case Comment c:
                _comments.Add(new YamlComment(Span(c.Start, c.End), c.Value));
                break;
            case Scalar s:
                var kind = ScalarTyping.Resolve(s.Value, s.Tag.IsEmpty ? null : s.Tag.Value, s.Style == ScalarStyle.Plain && !s.IsQuotedImplicit);
                var scalar = new ScalarNode(Span(s.Start, s.End), s.Value, kind, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                Count(e);
                if (s.Value.IndexOf("{{", StringComparison.Ordinal) >= 0)
                {
                    _scalarsWithMarkers.Add(scalar);
                }

                if (!s.Anchor.IsEmpty)
                {
                    _anchors[s.Anchor.Value] = new Anchored(scalar, 0, 1);
                }

                Attach(scalar, isMergeCandidate: s.Style == ScalarStyle.Plain && s.Value == "<<", height: 0, size: 1);
                break;
            case AnchorAlias a:
                Count(e);
                if (_anchors.TryGetValue(a.Value.Value, out var target))
                {
                    // A merge key (<<) puts the entries of the mapping it names into this one: one level less.
                    var merging = _stack.Count > 0 && _stack[_stack.Count - 1].MergeIsPending;
                    var aliasHeight = merging ? Math.Max(0, target.Height - 1) : target.Height;
                    if (_stack.Count + aliasHeight > MaxDepth)
                    {
                        throw new LimitException(Span(a.Start, a.End), $"nesting deeper than {MaxDepth} levels through the alias *{a.Value.Value} (a limit of kubelint); this is not a Kubernetes manifest");
                    }

                    _aliasExpansion += target.Size;
                    if (_aliasExpansion > LoadLimits.MaxAliasExpansion)
                    {
                        throw new LimitException(Span(a.Start, a.End), $"alias expansion too large: the aliases of this document would expand to more than {LoadLimits.MaxAliasExpansion:N0} nodes (a limit of kubelint, as of Kubernetes' YAML decoder)");
                    }

                    Attach(target.Node, isMergeCandidate: false, aliasHeight, target.Size);
                }
                else
                {
                    throw new YamlException(a.Start, a.End, $"alias *{a.Value.Value} refers to an unknown anchor");
                }

                break;
            case MappingStart m:
                Count(e);
                // A single pair in a flow list ([a: 1]) is a flow mapping without braces; YamlDotNet gives its start event
                // no position (index 0, where nothing nested can start). It is read like a block mapping: from its key
                // to its value.
                var pair = m.Style == MappingStyle.Flow && m.Start.Index == 0 && _stack.Count > 0 && _stack[_stack.Count - 1] is { IsFlow: true, IsMapping: false };
                Push(new Frame(Span(m.Start, m.End), m.Anchor.IsEmpty ? null : m.Anchor.Value, isMapping: true, isFlow: m.Style == MappingStyle.Flow && !pair, isPair: pair));
                break;
            case SequenceStart q:
                Count(e);
                Push(new Frame(Span(q.Start, q.End), q.Anchor.IsEmpty ? null : q.Anchor.Value, isMapping: false, isFlow: q.Style == SequenceStyle.Flow, isPair: false));
                break;
            case MappingEnd or SequenceEnd:
                var frame = _stack[_stack.Count - 1];
                _stack.RemoveAt(_stack.Count - 1);
                var node = frame.Complete(Span(e.Start, e.End), _problems);
                var height = frame.Height + 1;
                var size = Math.Min(frame.Size + 1, LoadLimits.MaxAliasExpansion + 1);
                if (frame.Anchor is not null)
                {
                    _anchors[frame.Anchor] = new Anchored(node, height, size);
                }

                Attach(node, isMergeCandidate: false, height, size);
                break;
        }
    }

    private void Count(ParsingEvent e)
    {
        if (++_nodeCount > LoadLimits.MaxNodesPerDocument)
        {
            var at = _stack.Count > 0 ? _stack[_stack.Count - 1].Start : Span(e.Start, e.End);
            throw new LimitException(at, $"more than {LoadLimits.MaxNodesPerDocument:N0} nodes in one document (a limit of kubelint)");
        }
    }

    private void Push(Frame frame)
    {
        if (_stack.Count >= MaxDepth)
        {
            throw new LimitException(frame.Start, $"nesting deeper than {MaxDepth} levels (a limit of kubelint); this is not a Kubernetes manifest");
        }

        _stack.Add(frame);
    }

    private void Attach(Node node, bool isMergeCandidate, int height, long size)
    {
        if (_stack.Count == 0)
        {
            _documents.Add(node);
            return;
        }

        var parent = _stack[_stack.Count - 1];
        parent.Height = Math.Max(parent.Height, height);
        if (parent.CountsAsValue)
        {
            // Keys are not counted: they are scalars, as many as the values.
            parent.Size = Math.Min(parent.Size + size, LoadLimits.MaxAliasExpansion + 1);
        }

        parent.Add(node, isMergeCandidate, _problems);
    }

    private SourceSpan Span(Mark start, Mark end) =>
        new(_path, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    /// <summary>A documented limit (<see cref="LoadLimits"/>) was passed: the message names it.</summary>
    private sealed class LimitException(SourceSpan at, string message) : Exception(message)
    {
        public SourceSpan At { get; } = at;
    }

    /// <param name="isFlow">Written in brackets ([ ] or { }): the collection ends after its closing bracket.</param>
    /// <param name="isPair">A single pair in a flow list ([a: 1]): it starts at its key.</param>
    private sealed class Frame(SourceSpan start, string? anchor, bool isMapping, bool isFlow, bool isPair)
    {
        private readonly List<Node> _items = [];
        private readonly List<MappingEntry> _entries = [];
        private readonly List<MappingEntry> _merged = [];

        // Keys of the mapping's own entries, by their index in _entries, once there are more than MappingNode.ScannedEntries
        // (smaller mappings, most of them, are scanned): duplicate checks and merges stay linear.
        private Dictionary<string, int>? _keys;
        private ScalarNode? _pendingKey;
        private bool _pendingIsMerge;

        public SourceSpan Start { get; } = start;

        public string? Anchor { get; } = anchor;

        public bool IsMapping => isMapping;

        public bool IsFlow => isFlow;

        /// <summary>The next node added is a list item or a mapping's value, not a key.</summary>
        public bool CountsAsValue => !isMapping || _pendingKey is not null;

        /// <summary>The next node added is the value of a merge key (<c>&lt;&lt;</c>).</summary>
        public bool MergeIsPending => _pendingKey is not null && _pendingIsMerge;

        /// <summary>The height of the tallest child (0: scalars only or empty).</summary>
        public int Height { get; set; }

        /// <summary>The nodes of the children, aliases expanded (capped just past the limit).</summary>
        public long Size { get; set; }

        public void Add(Node node, bool isMergeCandidate, List<InputProblem> problems)
        {
            if (!isMapping)
            {
                _items.Add(node);
                return;
            }

            if (_pendingKey is null)
            {
                if (node is not ScalarNode key)
                {
                    throw new YamlException(ToMark(node.Span, start: true), ToMark(node.Span, start: false), "a mapping key must be a plain value, not " + node.Describe());
                }

                _pendingKey = key;
                _pendingIsMerge = isMergeCandidate;
                return;
            }

            if (_pendingIsMerge)
            {
                Merge(node);
            }
            else if (IndexOfKey(_pendingKey.Value) is var first and >= 0)
            {
                var firstLine = _entries[first].Key.Span.Line;
                problems.Add(new InputProblem(ProblemKind.Unparseable, _pendingKey.Span, $"duplicate key \"{_pendingKey.Value}\" (first defined on line {firstLine}): YAML forbids duplicate keys; kubectl either rejects the file (key already set in map) or silently keeps one of the values"));
            }
            else
            {
                AddEntry(new MappingEntry(_pendingKey, node));
            }

            _pendingKey = null;
        }

        private void Merge(Node value)
        {
            switch (value)
            {
                case MappingNode map:
                    _merged.AddRange(map.Entries);
                    break;
                case SequenceNode seq when AllMappings(seq.Items):
                    foreach (var item in seq.Items)
                    {
                        _merged.AddRange(((MappingNode)item).Entries);
                    }

                    break;
                default:
                    throw new YamlException(ToMark(value.Span, true), ToMark(value.Span, false), "a merge key (<<) needs a mapping or a list of mappings");
            }
        }

        public Node Complete(SourceSpan end, List<InputProblem> problems)
        {
            if (_pendingKey is not null)
            {
                AddEntry(new MappingEntry(_pendingKey, new ScalarNode(_pendingKey.Span, string.Empty, ScalarKind.Null, false)));
            }

            // A flow collection ends after its closing bracket: YamlDotNet puts the end event on the bracket (start and
            // end alike). A block collection's end event sits where the next token starts (a later line, or the end of
            // the file): it ends with its last item.
            var close = end with { EndLine = end.Line, EndColumn = end.Column + 1 };
            if (!isMapping)
            {
                var last = isFlow || _items.Count == 0 ? close : _items[_items.Count - 1].Span;
                return new SequenceNode(Join(last), _items);
            }

            if (isFlow)
            {
                return Mapping(Join(close));
            }

            // Merged values may live anywhere in the file: a block mapping's own span ends with its own entries.
            var lastSpan = end;
            for (var i = 0; i < _entries.Count; i++)
            {
                lastSpan = i == 0 || EndsAfter(_entries[i].Value.Span, lastSpan) ? _entries[i].Value.Span : lastSpan;
            }

            var span = isPair && _entries.Count > 0
                ? _entries[0].Key.Span with { EndLine = lastSpan.EndLine, EndColumn = lastSpan.EndColumn }
                : Join(lastSpan);
            return Mapping(span);
        }

        /// <summary>The mapping of the own entries, then merged ones whose key is not taken yet.</summary>
        private MappingNode Mapping(SourceSpan span)
        {
            if (_merged.Count > 0)
            {
                // Explicit keys win over merged ones, the first merged mapping over later ones: one lookup per entry.
                foreach (var merged in _merged)
                {
                    if (IndexOfKey(merged.Key.Value) < 0)
                    {
                        AddEntry(merged);
                    }
                }
            }

            return new MappingNode(span, _entries, _keys);
        }

        /// <summary>The index in <c>_entries</c> of the last entry with this key, or -1.</summary>
        private int IndexOfKey(string key)
        {
            if (_keys is not null)
            {
                return _keys.TryGetValue(key, out var at) ? at : -1;
            }

            return MappingNode.ScanFor(_entries, key);
        }

        /// <summary>Adds an entry (it is the last with its key) and indexes the keys once the mapping is too large to scan.</summary>
        private void AddEntry(MappingEntry entry)
        {
            _entries.Add(entry);
            if (_keys is not null)
            {
                _keys[entry.Key.Value] = _entries.Count - 1;
            }
            else if (_entries.Count > MappingNode.ScannedEntries)
            {
                _keys = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
                for (var i = 0; i < _entries.Count; i++)
                {
                    _keys[_entries[i].Key.Value] = i;
                }
            }
        }

        private static bool AllMappings(IReadOnlyList<Node> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not MappingNode)
                {
                    return false;
                }
            }

            return true;
        }

        private SourceSpan Join(SourceSpan last) =>
            last.Path == Start.Path && (last.EndLine > Start.Line || (last.EndLine == Start.Line && last.EndColumn >= Start.Column))
                ? Start with { EndLine = last.EndLine, EndColumn = last.EndColumn }
                : Start;

        private static bool EndsAfter(SourceSpan x, SourceSpan y) =>
            x.EndLine > y.EndLine || (x.EndLine == y.EndLine && x.EndColumn > y.EndColumn);

        private static Mark ToMark(SourceSpan span, bool start) =>
            start ? new Mark(0, span.Line, span.Column) : new Mark(0, span.EndLine, span.EndColumn);
    }

}
