namespace Linter.Core.Loading;

/// <summary>
/// Changes to node trees, which are immutable: each change returns a new tree that shares every untouched node (and so
/// its span) with the old one. Paths are field names separated by '/', with "[]" for every item of a list.
/// </summary>
internal static class TreeEdit
{
    public static ScalarNode Scalar(string value, SourceSpan span) => new(span, value, ScalarKind.String, isQuoted: false);

    /// <summary>The mapping with <paramref name="key"/> set to <paramref name="value"/>: its entry replaced in place, or appended.</summary>
    public static MappingNode With(MappingNode map, ScalarNode key, Node value)
    {
        var entries = map.Entries.ToList();
        var at = map.IndexOf(key.Value);
        if (at >= 0)
        {
            entries[at] = new MappingEntry(entries[at].Key, value);
        }
        else
        {
            entries.Add(new MappingEntry(key, value));
        }

        return new MappingNode(map.Span, entries);
    }

    public static MappingNode Without(MappingNode map, string key) =>
        new(map.Span, map.Entries.Where(e => !string.Equals(e.Key.Value, key, StringComparison.Ordinal)).ToList());

    /// <summary>
    /// Applies <paramref name="change"/> to every node <paramref name="path"/> reaches (null where the field is absent;
    /// a null result changes nothing). With <paramref name="createAt"/>, missing mappings on the way are created with that span.
    /// </summary>
    public static Node? Edit(Node? node, string path, Func<Node?, Node?> change, SourceSpan? createAt = null) =>
        Edit(node, path.Split('/'), 0, change, createAt);

    private static Node? Edit(Node? node, string[] path, int at, Func<Node?, Node?> change, SourceSpan? createAt)
    {
        node = node is ScalarNode { IsNull: true } ? null : node;
        if (at == path.Length)
        {
            return change(node);
        }

        if (path[at] == "[]")
        {
            if (node is not SequenceNode list)
            {
                return null;
            }

            var items = list.Items.Select(item => Edit(item, path, at + 1, change, createAt) ?? item).ToList();
            return items.Where((item, i) => !ReferenceEquals(item, list.Items[i])).Any() ? new SequenceNode(list.Span, items) : null;
        }

        switch (node)
        {
            case MappingNode map:
                var child = map[path[at]];
                var changed = Edit(child, path, at + 1, change, createAt);
                if (changed is null || ReferenceEquals(changed, child))
                {
                    return null;
                }

                return With(map, map.KeyNode(path[at]) ?? Scalar(path[at], createAt ?? changed.Span), changed);
            case null when createAt is { } span:
                var created = Edit(null, path, at + 1, change, createAt);
                return created is null ? null : new MappingNode(span, [new MappingEntry(Scalar(path[at], span), created)]);
            default:
                return null;
        }
    }

    /// <summary>The node at a '/' path of mapping keys, or null.</summary>
    public static Node? At(Node? node, string path)
    {
        foreach (var key in path.Split('/'))
        {
            node = node is MappingNode map ? map[key] : null;
        }

        return node;
    }
}
