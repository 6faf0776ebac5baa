namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// <c>configMapGenerator</c>: a ConfigMap per item, with the data of its <c>literals</c>, <c>files</c> and <c>envs</c>
/// (the simulation reads it for DNS names). kustomize adds a hash of the data to the name and rewrites the references
/// to it; kubelint keeps the name as written, so references still meet it. Each entry points at the item that wrote it.
/// </summary>
internal static class Generators
{
    public static IEnumerable<Resource> ConfigMaps(KustomizationContext context, Node? generators)
    {
        if (generators is not SequenceNode items)
        {
            yield break;
        }

        foreach (var item in items.Items.OfType<MappingNode>())
        {
            if (item["name"] is not ScalarNode { Kind: ScalarKind.String } name)
            {
                context.Note(item.Span, "this `configMapGenerator` item has no `name`: kubelint does not generate it");
                continue;
            }

            if (item["behavior"] is ScalarNode { Value: "merge" or "replace" } behavior)
            {
                context.Note(behavior.Span, $"kubelint does not model `behavior: {behavior.Value}`: the generated ConfigMap {name.Value} is linted as a new object");
            }

            var data = Literals(item["literals"]).Concat(Files(context, item["files"])).Concat(Envs(context, item["envs"]))
                .Select(pair => new MappingEntry(TreeEdit.Scalar(pair.Key, pair.At), TreeEdit.Scalar(pair.Value, pair.At))).ToList();
            var metadata = new List<MappingEntry> { new(TreeEdit.Scalar("name", name.Span), name) };
            if (item["namespace"] is ScalarNode ns)
            {
                metadata.Add(new MappingEntry(TreeEdit.Scalar("namespace", ns.Span), ns));
            }

            yield return new Resource(new MappingNode(item.Span,
            [
                new(TreeEdit.Scalar("apiVersion", item.Span), TreeEdit.Scalar("v1", item.Span)),
                new(TreeEdit.Scalar("kind", item.Span), TreeEdit.Scalar("ConfigMap", name.Span)),
                new(TreeEdit.Scalar("metadata", item.Span), new MappingNode(item.Span, metadata)),
                new(TreeEdit.Scalar("data", item.Span), new MappingNode(item.Span, data)),
            ]));
        }
    }

    private static IEnumerable<(string Key, string Value, SourceSpan At)> Literals(Node? literals) =>
        KustomizeBuild.Strings(literals).Select(l => (l, at: l.Value.IndexOf('='))).Where(l => l.at > 0)
            .Select(l => (l.Item1.Value.Substring(0, l.at), Unquote(l.Item1.Value.Substring(l.at + 1)), l.Item1.Span));

    /// <summary><c>files</c>: <c>path</c> (the key is the file name) or <c>key=path</c>; the value is the file's text.</summary>
    private static IEnumerable<(string Key, string Value, SourceSpan At)> Files(KustomizationContext context, Node? files)
    {
        foreach (var item in KustomizeBuild.Strings(files))
        {
            var equals = item.Value.IndexOf('=');
            var path = equals > 0 ? item.Value.Substring(equals + 1) : item.Value;
            var key = equals > 0 ? item.Value.Substring(0, equals) : Path.GetFileName(path);
            if (context.ReadData(path, item) is { } text)
            {
                yield return (key, text, item.Span);
            }
        }
    }

    /// <summary><c>envs</c>: files of <c>KEY=value</c> lines (blank lines and <c>#</c> comments skipped).</summary>
    private static IEnumerable<(string Key, string Value, SourceSpan At)> Envs(KustomizationContext context, Node? envs)
    {
        foreach (var item in KustomizeBuild.Strings(envs))
        {
            foreach (var line in context.ReadData(item.Value, item)?.Split('\n') ?? [])
            {
                var text = line.Trim();
                var equals = text.IndexOf('=');
                if (text.Length > 0 && text[0] != '#' && equals > 0)
                {
                    yield return (text.Substring(0, equals), text.Substring(equals + 1), item.Span);
                }
            }
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == value[value.Length - 1] && value[0] is '"' or '\'' ? value.Substring(1, value.Length - 2) : value;
}
