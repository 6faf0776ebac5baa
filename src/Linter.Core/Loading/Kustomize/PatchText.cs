namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// The YAML documents of a patch, from its file or from a string in the kustomization. An inline patch written as a
/// literal block (<c>patch: |-</c>) keeps exact positions in the kustomization; another string puts every node at the string.
/// </summary>
internal static class PatchText
{
    /// <summary>The documents of the patch file named by <paramref name="path"/>, relative to the kustomization.</summary>
    public static IReadOnlyList<Node> FromFile(KustomizationContext context, ScalarNode path) => context.ReadPatch(path);

    /// <summary>The documents of a patch written as a string in the kustomization.</summary>
    public static IReadOnlyList<Node> Inline(KustomizationContext context, ScalarNode text)
    {
        var read = YamlReader.Read(context.File.Path, text.Value);
        if (read.Problems.Count > 0)
        {
            context.Note(text.Span, $"this inline patch is not valid YAML ({read.Problems[0].Message}): kubelint does not apply it");
            return [];
        }

        var offset = LiteralBlockOffset(context.File, text);
        return read.Documents.Select(d => Shift(d, text.Span, offset)).ToList();
    }

    /// <summary>Where the content of a literal block scalar starts, as an offset from line 1, column 1 of its own text.</summary>
    private static (int Lines, int Columns)? LiteralBlockOffset(SourceFile file, ScalarNode text)
    {
        var line = file.Line(text.Span.Line);
        if (text.Span.Column - 1 >= line.Length || line[text.Span.Column - 1] != '|')
        {
            return null;
        }

        for (var next = text.Span.Line + 1; next <= text.Span.EndLine; next++)
        {
            var content = file.Line(next);
            if (content.Trim().Length > 0)
            {
                return (text.Span.Line, content.Length - content.TrimStart(' ').Length);
            }
        }

        return null;
    }

    private static Node Shift(Node node, SourceSpan whole, (int Lines, int Columns)? offset)
    {
        var span = offset is var (lines, columns)
            ? new SourceSpan(whole.Path, node.Span.Line + lines, node.Span.Column + columns, node.Span.EndLine + lines, node.Span.EndColumn + columns)
            : whole;
        return node switch
        {
            ScalarNode s => new ScalarNode(span, s.Value, s.Kind, s.IsQuoted),
            SequenceNode l => new SequenceNode(span, l.Items.Select(i => Shift(i, whole, offset)).ToList()),
            MappingNode m => new MappingNode(span, m.Entries.Select(e => new MappingEntry((ScalarNode)Shift(e.Key, whole, offset), Shift(e.Value, whole, offset))).ToList()),
            _ => node,
        };
    }
}
