using YamlDotNet.Core;

namespace Linter.Core.Loading;

/// <summary>
/// Builds the node trees of one file from its parse events, whichever front end reads the text (YamlDotNet's parser
/// for any YAML, <see cref="FastYamlScanner"/> for the block subset manifests use): anchors and aliases, merge keys,
/// duplicate keys, the documented limits and the spans of collections.
/// </summary>
internal sealed class YamlTreeBuilder(string path)
{
    // Only once an anchor is read: most files have none.
    private Dictionary<string, Anchored>? _anchors;
    private readonly List<Frame> _stack = [];
    // The frames of closed collections, by depth, for the next collection opened there: their lists are reused, and a
    // completed collection gets arrays of its exact size. Shared by the files a thread reads (one builder at a time:
    // a file is read to its end, or given up, before the next read starts), so that 50,000 files do not each grow their own.
    [ThreadStatic]
    private static List<Frame>? t_spareFrames;
    private readonly List<Frame> _spareFrames = t_spareFrames ??= [];
    private readonly List<Node> _documents = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<YamlComment> _comments = [];
    // Only the scalars holding "{{": the template-marker check needs no other (a list of every scalar cost memory per file).
    private readonly List<ScalarNode> _scalarsWithMarkers = [];
    private int _documentCount;
    private int _nodeCount;
    private long _aliasExpansion;

    /// <summary>A node an anchor names, with what an alias of it adds: its height and its size when expanded.</summary>
    private readonly record struct Anchored(Node Node, int Height, long Size);

    private Dictionary<string, Anchored> Anchors => _anchors ??= new Dictionary<string, Anchored>(StringComparer.Ordinal);

    public int Depth => _stack.Count;

    public int ProblemCount => _problems.Count;

    /// <summary>The innermost open collection is a flow list ([ ]): a single pair in it is a mapping without braces.</summary>
    public bool InFlowList => _stack.Count > 0 && _stack[_stack.Count - 1] is { IsFlow: true, IsMapping: false };

    public YamlReader.Result Finish(bool complete) => new(_documents, _problems, Kept.Of(_comments), _scalarsWithMarkers, complete);

    public void AddProblem(InputProblem problem) => _problems.Add(problem);

    public SourceSpan Span(int line, int column, int endLine, int endColumn) => new(path, line, column, endLine, endColumn);

    public SourceSpan Span(Mark start, Mark end) => Span((int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    public void StartDocument(SourceSpan at)
    {
        _anchors?.Clear();
        _nodeCount = 0;
        _aliasExpansion = 0;
        if (++_documentCount > LoadLimits.MaxDocumentsPerFile)
        {
            throw new LimitException(at, $"more than {LoadLimits.MaxDocumentsPerFile:N0} documents in one file (a limit of kubelint)");
        }
    }

    public void AddComment(SourceSpan span, string text) => _comments.Add(new YamlComment(span, text));

    /// <param name="span">Where the scalar is written.</param>
    /// <param name="value">Its value, quotes and escapes resolved.</param>
    /// <param name="kind">Its type (string, number, boolean, null).</param>
    /// <param name="isQuoted">Written in quotes.</param>
    /// <param name="anchor">Its anchor (<c>&amp;name</c>), if any.</param>
    /// <param name="isMergeCandidate">A plain <c>&lt;&lt;</c>: as a key, its value is merged.</param>
    public void AddScalar(SourceSpan span, string value, ScalarKind kind, bool isQuoted, string? anchor, bool isMergeCandidate)
    {
        var scalar = new ScalarNode(span, value, kind, isQuoted);
        Count(span);
        if (value.IndexOf("{{", StringComparison.Ordinal) >= 0)
        {
            _scalarsWithMarkers.Add(scalar);
        }

        if (anchor is not null)
        {
            Anchors[anchor] = new Anchored(scalar, 0, 1);
        }

        Attach(scalar, isMergeCandidate, height: 0, size: 1);
    }

    public void AddAlias(string name, Mark start, Mark end)
    {
        var span = Span(start, end);
        Count(span);
        if (_anchors is null || !_anchors.TryGetValue(name, out var target))
        {
            throw new YamlException(start, end, $"alias *{name} refers to an unknown anchor");
        }

        // A merge key (<<) puts the entries of the mapping it names into this one: one level less.
        var merging = _stack.Count > 0 && _stack[_stack.Count - 1].MergeIsPending;
        var aliasHeight = merging ? Math.Max(0, target.Height - 1) : target.Height;
        if (_stack.Count + aliasHeight > YamlReader.MaxDepth)
        {
            throw new LimitException(span, $"nesting deeper than {YamlReader.MaxDepth} levels through the alias *{name} (a limit of kubelint); this is not a Kubernetes manifest");
        }

        _aliasExpansion += target.Size;
        if (_aliasExpansion > LoadLimits.MaxAliasExpansion)
        {
            throw new LimitException(span, $"alias expansion too large: the aliases of this document would expand to more than {LoadLimits.MaxAliasExpansion:N0} nodes (a limit of kubelint, as of Kubernetes' YAML decoder)");
        }

        Attach(target.Node, isMergeCandidate: false, aliasHeight, target.Size);
    }

    /// <param name="start">Where the collection starts.</param>
    /// <param name="anchor">Its anchor (<c>&amp;name</c>), if any.</param>
    /// <param name="isMapping">A mapping, else a list.</param>
    /// <param name="isFlow">Written in brackets ([ ] or { }): the collection ends after its closing bracket.</param>
    /// <param name="isPair">A single pair in a flow list ([a: 1]): it starts at its key.</param>
    public void StartCollection(SourceSpan start, string? anchor, bool isMapping, bool isFlow, bool isPair)
    {
        Count(start);
        if (_stack.Count >= YamlReader.MaxDepth)
        {
            throw new LimitException(start, $"nesting deeper than {YamlReader.MaxDepth} levels (a limit of kubelint); this is not a Kubernetes manifest");
        }

        if (_spareFrames.Count == _stack.Count)
        {
            _spareFrames.Add(new Frame());
        }

        var frame = _spareFrames[_stack.Count];
        frame.Open(start, anchor, isMapping, isFlow, isPair);
        _stack.Add(frame);
    }

    /// <param name="end">Where the parser ends the collection: its closing bracket, or the next token for a block.</param>
    public void EndCollection(SourceSpan end)
    {
        var frame = _stack[_stack.Count - 1];
        _stack.RemoveAt(_stack.Count - 1);
        var node = frame.Complete(end, _problems);
        var height = frame.Height + 1;
        var size = Math.Min(frame.Size + 1, LoadLimits.MaxAliasExpansion + 1);
        if (frame.Anchor is not null)
        {
            Anchors[frame.Anchor] = new Anchored(node, height, size);
        }

        Attach(node, isMergeCandidate: false, height, size);
    }

    /// <summary>The innermost flow collection (<c>[</c> or <c>{</c>) still open.</summary>
    public Frame? OpenFlow()
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

    private void Count(SourceSpan at)
    {
        if (++_nodeCount > LoadLimits.MaxNodesPerDocument)
        {
            throw new LimitException(_stack.Count > 0 ? _stack[_stack.Count - 1].Start : at, $"more than {LoadLimits.MaxNodesPerDocument:N0} nodes in one document (a limit of kubelint)");
        }
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

    /// <summary>A documented limit (<see cref="LoadLimits"/>) was passed: the message names it.</summary>
    internal sealed class LimitException(SourceSpan at, string message) : Exception(message)
    {
        public SourceSpan At { get; } = at;
    }

    /// <summary>An open collection: its entries or items so far. Reused for the next collection at its depth.</summary>
    internal sealed class Frame
    {
        private readonly List<Node> _items = [];
        // The entries of the mapping being read, in an array that grows and is reused by the frame's next mapping.
        private MappingEntry[] _entries = new MappingEntry[8];
        private int _entryCount;
        // Merged entries only once a merge key is read.
        private List<MappingEntry>? _merged;

        // Keys of the mapping's own entries, by their index in _entries, once there are more than MappingNode.ScannedEntries
        // (smaller mappings, most of them, are scanned): duplicate checks and merges stay linear.
        private Dictionary<string, int>? _keys;
        private ScalarNode? _pendingKey;
        private bool _pendingIsMerge;

        public SourceSpan Start { get; private set; }

        public string? Anchor { get; private set; }

        public bool IsMapping { get; private set; }

        /// <summary>Written in brackets ([ ] or { }): the collection ends after its closing bracket.</summary>
        public bool IsFlow { get; private set; }

        /// <summary>A single pair in a flow list ([a: 1]): it starts at its key.</summary>
        public bool IsPair { get; private set; }

        /// <summary>The next node added is a list item or a mapping's value, not a key.</summary>
        public bool CountsAsValue => !IsMapping || _pendingKey is not null;

        /// <summary>The next node added is the value of a merge key (<c>&lt;&lt;</c>).</summary>
        public bool MergeIsPending => _pendingKey is not null && _pendingIsMerge;

        /// <summary>The height of the tallest child (0: scalars only or empty).</summary>
        public int Height { get; set; }

        /// <summary>The nodes of the children, aliases expanded (capped just past the limit).</summary>
        public long Size { get; set; }

        /// <summary>Starts a collection in this frame, empty.</summary>
        public void Open(SourceSpan start, string? anchor, bool isMapping, bool isFlow, bool isPair)
        {
            (Start, Anchor, IsMapping, IsFlow, IsPair) = (start, anchor, isMapping, isFlow, isPair);
            _items.Clear();
            Array.Clear(_entries, 0, _entryCount);
            _entryCount = 0;
            (_merged, _keys, _pendingKey, _pendingIsMerge, Height, Size) = (null, null, null, false, 0, 0);
        }

        public void Add(Node node, bool isMergeCandidate, List<InputProblem> problems)
        {
            if (!IsMapping)
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
                    (_merged ??= []).AddRange(map.Entries);
                    break;
                case SequenceNode seq when AllMappings(seq.Items):
                    _merged ??= [];
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
            if (!IsMapping)
            {
                var last = IsFlow || _items.Count == 0 ? close : _items[_items.Count - 1].Span;
                return new SequenceNode(Join(last), _items.ToArray());
            }

            if (IsFlow)
            {
                return Mapping(Join(close));
            }

            // Merged values may live anywhere in the file: a block mapping's own span ends with its own entries.
            var lastSpan = end;
            for (var i = 0; i < _entryCount; i++)
            {
                lastSpan = i == 0 || EndsAfter(_entries[i].Value.Span, lastSpan) ? _entries[i].Value.Span : lastSpan;
            }

            var span = IsPair && _entryCount > 0
                ? _entries[0].Key.Span with { EndLine = lastSpan.EndLine, EndColumn = lastSpan.EndColumn }
                : Join(lastSpan);
            return Mapping(span);
        }

        /// <summary>The mapping of the own entries, then merged ones whose key is not taken yet.</summary>
        private MappingNode Mapping(SourceSpan span)
        {
            if (_merged is not null)
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

            var entries = new MappingEntry[_entryCount];
            Array.Copy(_entries, entries, _entryCount);
            return new MappingNode(span, entries, _keys);
        }

        /// <summary>The index in <c>_entries</c> of the last entry with this key, or -1.</summary>
        private int IndexOfKey(string key)
        {
            if (_keys is not null)
            {
                return _keys.TryGetValue(key, out var at) ? at : -1;
            }

            return MappingNode.ScanFor(_entries, _entryCount, key);
        }

        /// <summary>Adds an entry (it is the last with its key) and indexes the keys once the mapping is too large to scan.</summary>
        private void AddEntry(MappingEntry entry)
        {
            if (_entryCount == _entries.Length)
            {
                var grown = new MappingEntry[_entries.Length * 2];
                Array.Copy(_entries, grown, _entryCount);
                _entries = grown;
            }

            _entries[_entryCount++] = entry;
            if (_keys is not null)
            {
                _keys[entry.Key.Value] = _entryCount - 1;
            }
            else if (_entryCount > MappingNode.ScannedEntries)
            {
                _keys = new Dictionary<string, int>(_entryCount * 2, StringComparer.Ordinal);
                for (var i = 0; i < _entryCount; i++)
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
