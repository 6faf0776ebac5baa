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
    public const int MaxDepth = 200;

    private readonly string _path;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _stack = [];

    private YamlReader(string path) => _path = path;

    public sealed record Result(IReadOnlyList<Node> Documents, IReadOnlyList<InputProblem> Problems, IReadOnlyList<YamlComment> Comments, IReadOnlyList<ScalarNode> Scalars, bool Complete);

    public static Result Read(string path, string text)
    {
        var reader = new YamlReader(path);
        return reader.ReadAll(text);
    }

    private readonly List<Node> _documents = [];
    private readonly List<InputProblem> _problems = [];
    private readonly List<YamlComment> _comments = [];
    private readonly List<ScalarNode> _scalars = [];

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
        catch (YamlException ex)
        {
            var at = Span(ex.Start, ex.End);
            _problems.Add(new InputProblem(ProblemKind.Unparseable, at, $"not valid YAML: {CleanMessage(ex.Message)}"));
        }
        catch (ArgumentException) when (scanner.Current is YamlDotNet.Core.Tokens.Tag tag)
        {
            // YamlDotNet checks a tag when the parser reaches it, and throws this without a position for an empty or
            // malformed one (!<>, !!+0); the tag is the token the parser is on.
            var written = text.Substring((int)tag.Start.Index, (int)(tag.End.Index - tag.Start.Index));
            _problems.Add(new InputProblem(ProblemKind.Unparseable, Span(tag.Start, tag.End), $"not valid YAML: the tag {written} is empty or not a valid URI"));
        }
        catch (DepthExceededException ex)
        {
            _problems.Add(new InputProblem(ProblemKind.Unparseable, ex.At, $"nesting deeper than {MaxDepth} levels; this is not a Kubernetes manifest"));
        }

        return new Result(_documents, _problems, _comments, _scalars, complete);
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message.Substring(cut + 3) : message;
        return text.TrimEnd('.');
    }

    private void Handle(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                _anchors.Clear();
                break;
            case Comment c:
                _comments.Add(new YamlComment(Span(c.Start, c.End), c.Value));
                break;
            case Scalar s:
                var kind = ScalarTyping.Resolve(s.Value, s.Tag.IsEmpty ? null : s.Tag.Value, s.Style == ScalarStyle.Plain && !s.IsQuotedImplicit);
                var scalar = new ScalarNode(Span(s.Start, s.End), s.Value, kind, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
                _scalars.Add(scalar);
                Remember(s.Anchor, scalar);
                Attach(scalar, isMergeCandidate: s.Style == ScalarStyle.Plain && s.Value == "<<");
                break;
            case AnchorAlias a:
                if (_anchors.TryGetValue(a.Value.Value, out var target))
                {
                    Attach(target, isMergeCandidate: false);
                }
                else
                {
                    throw new YamlException(a.Start, a.End, $"alias *{a.Value.Value} refers to an unknown anchor");
                }

                break;
            case MappingStart m:
                Push(new Frame(Span(m.Start, m.End), m.Anchor.IsEmpty ? null : m.Anchor.Value, isMapping: true));
                break;
            case SequenceStart q:
                Push(new Frame(Span(q.Start, q.End), q.Anchor.IsEmpty ? null : q.Anchor.Value, isMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                var frame = _stack[_stack.Count - 1];
                _stack.RemoveAt(_stack.Count - 1);
                var node = frame.Complete(Span(e.Start, e.End), _problems);
                if (frame.Anchor is not null)
                {
                    _anchors[frame.Anchor] = node;
                }

                Attach(node, isMergeCandidate: false);
                break;
        }
    }

    private void Push(Frame frame)
    {
        if (_stack.Count >= MaxDepth)
        {
            throw new DepthExceededException(frame.Start);
        }

        _stack.Add(frame);
    }

    private void Remember(AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private void Attach(Node node, bool isMergeCandidate)
    {
        if (_stack.Count == 0)
        {
            _documents.Add(node);
            return;
        }

        _stack[_stack.Count - 1].Add(node, isMergeCandidate, _problems);
    }

    private SourceSpan Span(Mark start, Mark end) =>
        new(_path, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    private sealed class DepthExceededException(SourceSpan at) : Exception
    {
        public SourceSpan At { get; } = at;
    }

    private sealed class Frame(SourceSpan start, string? anchor, bool isMapping)
    {
        private readonly List<Node> _items = [];
        private readonly List<MappingEntry> _entries = [];
        private readonly List<MappingEntry> _merged = [];
        private ScalarNode? _pendingKey;
        private bool _pendingIsMerge;

        public SourceSpan Start { get; } = start;

        public string? Anchor { get; } = anchor;

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
            else if (_entries.FindIndex(x => x.Key.Value == _pendingKey.Value) is var first and >= 0)
            {
                var firstLine = _entries[first].Key.Span.Line;
                problems.Add(new InputProblem(ProblemKind.Unparseable, _pendingKey.Span, $"duplicate key \"{_pendingKey.Value}\" (first defined on line {firstLine}): YAML forbids duplicate keys; kubectl either rejects the file (key already set in map) or silently keeps one of the values"));
            }
            else
            {
                _entries.Add(new MappingEntry(_pendingKey, node));
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
                case SequenceNode seq when seq.Items.All(i => i is MappingNode):
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
                _entries.Add(new MappingEntry(_pendingKey, new ScalarNode(_pendingKey.Span, string.Empty, ScalarKind.Null, false)));
            }

            if (!isMapping)
            {
                var last = _items.Count > 0 ? _items[_items.Count - 1].Span : end;
                return new SequenceNode(Join(last), _items);
            }

            // Merged values may live anywhere in the file: the mapping's own span ends with its own entries.
            var lastSpan = end;
            for (var i = 0; i < _entries.Count; i++)
            {
                lastSpan = i == 0 || EndsAfter(_entries[i].Value.Span, lastSpan) ? _entries[i].Value.Span : lastSpan;
            }

            foreach (var merged in _merged)
            {
                if (!_entries.Exists(e => e.Key.Value == merged.Key.Value))
                {
                    _entries.Add(merged);
                }
            }

            return new MappingNode(Join(lastSpan), _entries);
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
