using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Linter.Core.Loading;

/// <summary>
/// Turns a YAML or JSON text into node trees with exact spans, one per document. Anchors, aliases
/// and merge keys (<c>&lt;&lt;</c>) are resolved as Kubernetes' decoder does; explicit keys win over
/// merged ones and the first merged mapping wins over later ones.
/// </summary>
/// <remarks>
/// Two front ends feed one <see cref="YamlTreeBuilder"/>: <see cref="FastYamlScanner"/> reads the block subset that
/// manifests use and gives up on anything else, and YamlDotNet's parser then reads the file again from its start
/// (every YAML, errors with their positions). Both give the same result for a text the fast one accepts.
/// </remarks>
internal sealed class YamlReader
{
    /// <summary>Deeper nesting than this is reported instead of read (no Kubernetes object comes close).</summary>
    public const int MaxDepth = LoadLimits.MaxDepth;

    private readonly YamlTreeBuilder _builder;

    private YamlReader(string path) => _builder = new YamlTreeBuilder(path);

    public sealed record Result(IReadOnlyList<Node> Documents, IReadOnlyList<InputProblem> Problems, IReadOnlyList<YamlComment> Comments, IReadOnlyList<ScalarNode> ScalarsWithMarkers, bool Complete);

    public static Result Read(string path, string text) => FastYamlScanner.TryRead(path, text) ?? ReadWithYamlDotNet(path, text);

    /// <summary>The YamlDotNet front end alone (the fast one's yardstick in tests).</summary>
    internal static Result ReadWithYamlDotNet(string path, string text) => new YamlReader(path).ReadAll(text);

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
        catch (YamlTreeBuilder.LimitException ex)
        {
            _builder.AddProblem(new InputProblem(ProblemKind.Unparseable, ex.At, ex.Message));
        }
        catch (ArgumentException) when (scanner.Current is YamlDotNet.Core.Tokens.Tag tag)
        {
            // YamlDotNet checks a tag when the parser reaches it, and throws this without a position for an empty or
            // malformed one (!<>, !!+0); the tag is the token the parser is on.
            var written = text.Substring((int)tag.Start.Index, (int)(tag.End.Index - tag.Start.Index));
            _builder.AddProblem(new InputProblem(ProblemKind.Unparseable, Span(tag.Start, tag.End), $"not valid YAML: the tag {written} is empty or not a valid URI"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet's scanner also throws InvalidOperationException (and others) in some states: every exception
            // from parsing the file is a problem of this file, at the best position known.
            var message = ex is YamlException yaml
                ? CleanMessage(yaml.Message)
                : $"the YAML scanner stopped here ({ex.Message.TrimEnd('.')}); is a flow collection ([ or {{) left open above?";
            var at = ex is YamlException y ? Span(y.Start, y.End) : Span(scanner.CurrentPosition, scanner.CurrentPosition);
            if (_builder.OpenFlow() is { } flow && (ex is not YamlException || message.Contains("flow")))
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

            _builder.AddProblem(new InputProblem(ProblemKind.Unparseable, at, $"not valid YAML: {message}"));
        }

        return _builder.Finish(complete);
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
                return _builder.Span(line, column, line, column + 1);
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
                _builder.StartDocument(Span(e.Start, e.End));
                break;
            case Comment c:
                _builder.AddComment(Span(c.Start, c.End), c.Value);
                break;
            case Scalar s:
                var kind = ScalarTyping.Resolve(s.Value, s.Tag.IsEmpty ? null : s.Tag.Value, s.Style == ScalarStyle.Plain && !s.IsQuotedImplicit);
                _builder.AddScalar(Span(s.Start, s.End), s.Value, kind, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted,
                    s.Anchor.IsEmpty ? null : s.Anchor.Value, isMergeCandidate: s.Style == ScalarStyle.Plain && s.Value == "<<");
                break;
            case AnchorAlias a:
                _builder.AddAlias(a.Value.Value, a.Start, a.End);
                break;
            case MappingStart m:
                // A single pair in a flow list ([a: 1]) is a flow mapping without braces; YamlDotNet gives its start event
                // no position (index 0, where nothing nested can start). It is read like a block mapping: from its key
                // to its value.
                var pair = m.Style == MappingStyle.Flow && m.Start.Index == 0 && _builder.InFlowList;
                _builder.StartCollection(Span(m.Start, m.End), m.Anchor.IsEmpty ? null : m.Anchor.Value, isMapping: true, isFlow: m.Style == MappingStyle.Flow && !pair, isPair: pair);
                break;
            case SequenceStart q:
                _builder.StartCollection(Span(q.Start, q.End), q.Anchor.IsEmpty ? null : q.Anchor.Value, isMapping: false, isFlow: q.Style == SequenceStyle.Flow, isPair: false);
                break;
            case MappingEnd or SequenceEnd:
                _builder.EndCollection(Span(e.Start, e.End));
                break;
        }
    }

    private SourceSpan Span(Mark start, Mark end) => _builder.Span(start, end);
}
