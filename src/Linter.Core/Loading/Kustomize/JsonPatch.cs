namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// JSON patch (RFC 6902) operations <c>add</c>, <c>replace</c> and <c>remove</c> on node trees; the value an operation
/// writes keeps the patch's span. Other operations, and paths that do not exist, are reported, not guessed.
/// </summary>
internal static class JsonPatch
{
    /// <summary>The object after the operation, or the reason it cannot be applied.</summary>
    public static (MappingNode? Result, string? Problem) Apply(MappingNode target, MappingNode operation)
    {
        var op = (operation["op"] as ScalarNode)?.Value;
        if (op is not ("add" or "replace" or "remove"))
        {
            return (null, $"kubelint does not apply the JSON patch operation `{op}` (only add, replace and remove)");
        }

        if (operation["path"] is not ScalarNode { Value: var path } || !path.StartsWith("/", StringComparison.Ordinal))
        {
            return (null, "this JSON patch operation has no `path` starting with '/'");
        }

        var value = operation["value"];
        if (op != "remove" && value is null)
        {
            return (null, $"this `{op}` operation has no `value`");
        }

        var segments = path.Substring(1).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        var result = Edit(target, segments, 0, op, value);
        return result is MappingNode changed ? (changed, null) : (null, $"the path {path} does not exist in the object, so `{op}` fails (kustomize build would fail)");
    }

    /// <summary>The changed node; null when the path does not lead anywhere.</summary>
    private static Node? Edit(Node node, string[] path, int at, string op, Node? value)
    {
        var last = at == path.Length - 1;
        var segment = path[at];
        switch (node)
        {
            case MappingNode map:
                var child = map[segment];
                if (last)
                {
                    return op switch
                    {
                        "remove" when child is not null => TreeEdit.Without(map, segment),
                        "replace" when child is not null => TreeEdit.With(map, map.KeyNode(segment)!, value!),
                        "add" => TreeEdit.With(map, map.KeyNode(segment) ?? TreeEdit.Scalar(segment, value!.Span), value!),
                        _ => null,
                    };
                }

                return child is not null && Edit(child, path, at + 1, op, value) is { } changed ? TreeEdit.With(map, map.KeyNode(segment)!, changed) : null;
            case SequenceNode list:
                var items = list.Items.ToList();
                var index = segment == "-" && last && op == "add" ? items.Count : int.TryParse(segment, out var i) && i >= 0 ? i : -1;
                if (index < 0 || index > items.Count || (index == items.Count && !(last && op == "add")))
                {
                    return null;
                }

                if (last)
                {
                    switch (op)
                    {
                        case "add": items.Insert(index, value!); break;
                        case "replace": items[index] = value!; break;
                        default: items.RemoveAt(index); break;
                    }

                    return new SequenceNode(list.Span, items);
                }

                if (Edit(items[index], path, at + 1, op, value) is not { } item)
                {
                    return null;
                }

                items[index] = item;
                return new SequenceNode(list.Span, items);
            default:
                return null;
        }
    }
}
