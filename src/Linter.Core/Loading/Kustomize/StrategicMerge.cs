namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// A strategic-merge patch on the fields the simulation reads: mappings merge key by key, a null value deletes its key,
/// lists of Kubernetes objects merge item by item on their merge key (container <c>name</c>, container port
/// <c>containerPort</c>, Service port <c>port</c>, ...), other lists are replaced, and <c>$patch: delete</c> /
/// <c>replace</c> work on mappings and list items. Every node the patch writes keeps the patch's span.
/// </summary>
internal static class StrategicMerge
{
    /// <summary>The merge key of each list field that Kubernetes merges item by item (its <c>patchMergeKey</c>).</summary>
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["ports"] = "containerPort",
        ["tolerations"] = "key",
    };

    /// <summary>The merged object, or null when the patch deletes it.</summary>
    public static MappingNode? Apply(MappingNode target, MappingNode patch)
    {
        var isService = target["kind"] is ScalarNode { Value: "Service" };
        return Merge(target, patch, isService ? "Service" : string.Empty) as MappingNode;
    }

    private static Node? Merge(Node? target, Node patch, string path)
    {
        if (patch is MappingNode patchMap)
        {
            var directive = (patchMap["$patch"] as ScalarNode)?.Value;
            if (directive == "delete")
            {
                return null;
            }

            if (directive == "replace" || target is not MappingNode targetMap)
            {
                return WithoutDirectives(patchMap);
            }

            return MergeMaps(targetMap, patchMap, path);
        }

        if (patch is SequenceNode patchList && target is SequenceNode targetList && MergeKeyOf(path) is { } key)
        {
            return MergeLists(targetList, patchList, key, path);
        }

        // A value the patch repeats (the name that identifies the object or a list item) stays where the base wrote it.
        return patch is ScalarNode same && target is ScalarNode { Value: var value, Kind: var kind } && value == same.Value && kind == same.Kind
            ? target
            : WithoutDirectives(patch);
    }

    private static MappingNode MergeMaps(MappingNode target, MappingNode patch, string path)
    {
        var merged = target;
        foreach (var entry in patch.Entries)
        {
            var key = entry.Key.Value;
            if (key.StartsWith("$", StringComparison.Ordinal))
            {
                continue;
            }

            var result = entry.Value is ScalarNode { IsNull: true } ? null : Merge(target[key], entry.Value, $"{path}/{key}");
            merged = result is null ? TreeEdit.Without(merged, key) : TreeEdit.With(merged, target.KeyNode(key) is null ? entry.Key : target.KeyNode(key)!, result);
        }

        return merged;
    }

    private static SequenceNode MergeLists(SequenceNode target, SequenceNode patch, string key, string path)
    {
        var items = target.Items.ToList();
        foreach (var item in patch.Items)
        {
            if (item is not MappingNode patchItem || patchItem[key] is not ScalarNode { Value: var id })
            {
                items.Add(WithoutDirectives(item));
                continue;
            }

            var at = items.FindIndex(i => i is MappingNode m && m[key] is ScalarNode { Value: var other } && other == id);
            var merged = at >= 0 ? Merge(items[at], patchItem, path) : (patchItem["$patch"] is ScalarNode { Value: "delete" } ? null : WithoutDirectives(patchItem));
            if (at >= 0 && merged is null)
            {
                items.RemoveAt(at);
            }
            else if (at >= 0)
            {
                items[at] = merged!;
            }
            else if (merged is not null)
            {
                items.Add(merged);
            }
        }

        return new SequenceNode(target.Span, items);
    }

    /// <summary>Service ports merge on <c>port</c>; other <c>ports</c> lists are container ports.</summary>
    private static string? MergeKeyOf(string path)
    {
        var field = path.Substring(path.LastIndexOf('/') + 1);
        return field == "ports" && path == "Service/spec/ports" ? "port" : MergeKeys.TryGetValue(field, out var key) ? key : null;
    }

    private static Node WithoutDirectives(Node node) => node switch
    {
        MappingNode map => new MappingNode(map.Span, map.Entries
            .Where(e => !e.Key.Value.StartsWith("$", StringComparison.Ordinal))
            .Select(e => new MappingEntry(e.Key, WithoutDirectives(e.Value))).ToList()),
        SequenceNode list => new SequenceNode(list.Span, list.Items.Select(WithoutDirectives).ToList()),
        _ => node,
    };
}
