using System.Text.RegularExpressions;

namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// A kustomization's patches: <c>patchesStrategicMerge</c> (files or inline), <c>patchesJson6902</c> (a target and
/// operations), and <c>patches</c> (a file or an inline patch, strategic merge or operations, with an optional target
/// that may select several objects). A patch that matches nothing makes kustomize fail: it is reported.
/// </summary>
internal static class Patches
{
    public static void Apply(KustomizationContext context, MappingNode kustomization, List<Resource> resources)
    {
        foreach (var item in KustomizeBuild.Strings(kustomization["patchesStrategicMerge"]))
        {
            foreach (var document in Content(context, item))
            {
                ApplyOne(context, resources, document, target: null, item.Span);
            }
        }

        foreach (var item in Items(kustomization["patches"]).Concat(Items(kustomization["patchesJson6902"])))
        {
            var target = item["target"] is MappingNode selector ? selector : null;
            var content = item["path"] is ScalarNode path ? PatchText.FromFile(context, path)
                : item["patch"] is ScalarNode inline ? PatchText.Inline(context, inline)
                : [];
            foreach (var document in content)
            {
                ApplyOne(context, resources, document, target, item.Span);
            }
        }
    }

    private static IEnumerable<MappingNode> Items(Node? list) => list is SequenceNode items ? items.Items.OfType<MappingNode>() : [];

    /// <summary>A <c>patchesStrategicMerge</c> item: a file, or the patch itself written as a string.</summary>
    private static IReadOnlyList<Node> Content(KustomizationContext context, ScalarNode item) =>
        !item.Value.Contains("\n") && PathExpander.IsManifestFile(item.Value) ? PatchText.FromFile(context, item) : PatchText.Inline(context, item);

    private static void ApplyOne(KustomizationContext context, List<Resource> resources, Node document, MappingNode? target, SourceSpan at)
    {
        var selector = target is not null ? Selector.Of(target) : document is MappingNode patch ? Selector.OfPatch(patch) : null;
        if (selector is null)
        {
            context.Note(at, "this patch names no target (a `target`, or the patch's own `kind` and `metadata.name`): kubelint does not apply it");
            return;
        }

        var matched = resources.Where(selector.Matches).ToList();
        if (matched.Count == 0)
        {
            context.Note(at, $"this patch matches no object of the build ({selector}): kustomize build would fail");
            return;
        }

        foreach (var resource in matched)
        {
            if (document is SequenceNode operations)
            {
                ApplyOperations(context, resource, operations);
            }
            else if (document is MappingNode merge && StrategicMerge.Apply(resource.Root, merge) is { } merged)
            {
                resource.Root = merged;
            }
            else if (document is MappingNode)
            {
                resources.Remove(resource);
            }
        }
    }

    private static void ApplyOperations(KustomizationContext context, Resource resource, SequenceNode operations)
    {
        foreach (var operation in operations.Items.OfType<MappingNode>())
        {
            var (result, problem) = JsonPatch.Apply(resource.Root, operation);
            if (result is not null)
            {
                resource.Root = result;
            }
            else
            {
                context.Note(operation.Span, $"{problem}: the build kubelint lints is without this operation");
            }
        }
    }

    /// <summary>A patch target: kind and name (a regular expression, as in kustomize), namespace, label selector.</summary>
    private sealed record Selector(string? Kind, string? Name, string? Namespace, IReadOnlyList<(string Key, string Value)> Labels, bool NameIsPattern)
    {
        public static Selector Of(MappingNode target) => new(
            Value(target["kind"]), Value(target["name"]), Value(target["namespace"]), LabelsOf(Value(target["labelSelector"])), NameIsPattern: true);

        public static Selector? OfPatch(MappingNode patch) =>
            Value(patch["kind"]) is { } kind && Value(TreeEdit.At(patch, "metadata/name")) is { } name
                ? new Selector(kind, name, Value(TreeEdit.At(patch, "metadata/namespace")), [], NameIsPattern: false)
                : null;

        public bool Matches(Resource resource) =>
            (Kind is null || Kind == resource.Kind) &&
            (Name is null || resource.HadName(Name) || (NameIsPattern && MatchesPattern(resource.Name, Name))) &&
            (Namespace is null || resource.Namespace.Length == 0 || Namespace == resource.Namespace) &&
            Labels.All(l => TreeEdit.At(resource.Root, "metadata/labels") is MappingNode labels && labels[l.Key] is ScalarNode { Value: var v } && v == l.Value);

        /// <summary>A target name is a regular expression in kustomize; one that is not valid (or too slow) matches only itself.</summary>
        private static bool MatchesPattern(string name, string pattern)
        {
            try
            {
                return Regex.IsMatch(name, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
            {
                return false;
            }
        }

        public override string ToString() => string.Join(", ", new[] { Kind is null ? null : $"kind {Kind}", Name is null ? null : $"name {Name}", Namespace is null ? null : $"namespace {Namespace}" }.Where(s => s is not null));

        private static string? Value(Node? node) => node is ScalarNode { IsNull: false } s ? s.Value : null;

        /// <summary>Equality terms of a label selector (<c>app=web,tier=front</c>); other terms select nothing here.</summary>
        private static IReadOnlyList<(string, string)> LabelsOf(string? selector) =>
            selector is null ? [] : selector.Split(',').Select(term => term.Split('=') is [var key, var value] ? (key.Trim(), value.Trim()) : (term, "\0")).ToList();
    }
}
