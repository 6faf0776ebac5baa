namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// kustomize's built-in transformers that change what the simulation reads, in kustomize's order: namespace, name
/// prefix and suffix, labels, replicas. A value a transformer sets keeps the span of the kustomization field that set it;
/// a renamed object keeps the span of the name it had.
/// </summary>
internal static class Transformers
{
    public static void Apply(KustomizationContext context, MappingNode kustomization, List<Resource> resources)
    {
        if (kustomization["namespace"] is ScalarNode { Kind: ScalarKind.String } ns && ns.Value.Length > 0)
        {
            SetNamespace(resources, ns);
        }

        var prefix = kustomization["namePrefix"] as ScalarNode;
        var suffix = kustomization["nameSuffix"] as ScalarNode;
        if (prefix is { Value.Length: > 0 } || suffix is { Value.Length: > 0 })
        {
            Rename(resources, prefix?.Value ?? string.Empty, suffix?.Value ?? string.Empty);
        }

        if (kustomization["commonLabels"] is MappingNode common)
        {
            AddLabels(resources, common, FieldSpecs.Selectors.Concat(FieldSpecs.Templates));
        }

        if (kustomization["labels"] is SequenceNode labels)
        {
            foreach (var item in labels.Items.OfType<MappingNode>())
            {
                if (item["pairs"] is MappingNode pairs)
                {
                    var selectors = item["includeSelectors"] is ScalarNode { IsTrue: true };
                    var templates = selectors || item["includeTemplates"] is ScalarNode { IsTrue: true };
                    AddLabels(resources, pairs, (selectors ? FieldSpecs.Selectors : []).Concat(templates ? FieldSpecs.Templates : []));
                }
            }
        }

        if (kustomization["replicas"] is SequenceNode replicas)
        {
            SetReplicas(context, resources, replicas);
        }
    }

    private static void SetNamespace(List<Resource> resources, ScalarNode ns)
    {
        var value = TreeEdit.Scalar(ns.Value, ns.Span);
        foreach (var resource in resources)
        {
            // kustomize names a Namespace object after the namespace it moves everything into.
            var field = resource.Kind == "Namespace" ? "metadata/name" : ClusterScopedKinds.Contains(resource.Kind) ? null : "metadata/namespace";
            if (field is not null)
            {
                Set(resource, field, value, ns.Span);
            }
        }
    }

    private static void Rename(List<Resource> resources, string prefix, string suffix)
    {
        var renamed = new Dictionary<(string Kind, string Name), string>();
        foreach (var resource in resources.Where(r => r.Name.Length > 0 && !FieldSpecs.KeepsItsName(r.Kind)))
        {
            var name = TreeEdit.At(resource.Root, "metadata/name") as ScalarNode;
            var newName = prefix + resource.Name + suffix;
            renamed[(resource.Kind, resource.Name)] = newName;
            Set(resource, "metadata/name", TreeEdit.Scalar(newName, name!.Span), name.Span);
            resource.Renamed();
        }

        foreach (var resource in resources)
        {
            foreach (var reference in FieldSpecs.ReferencesOf(resource.Kind))
            {
                resource.Root = (MappingNode?)TreeEdit.Edit(resource.Root, reference.Path, value =>
                    value is ScalarNode { Kind: ScalarKind.String } old && renamed.TryGetValue((reference.ReferencedKind ?? KindBeside(resource, reference), old.Value), out var newName)
                        ? TreeEdit.Scalar(newName, old.Span)
                        : null) ?? resource.Root;
            }
        }
    }

    /// <summary>A reference that names its kind beside it (<c>scaleTargetRef: {kind, name}</c>).</summary>
    private static string KindBeside(Resource resource, FieldSpecs.Reference reference) =>
        TreeEdit.At(resource.Root, reference.Path.Substring(0, reference.Path.LastIndexOf('/')) + "/kind") is ScalarNode { Value: var kind } ? kind : string.Empty;

    private static void AddLabels(List<Resource> resources, MappingNode pairs, IEnumerable<FieldSpecs.LabelField> fields)
    {
        var entries = pairs.Entries.Where(e => e.Value is ScalarNode).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var all = fields.Prepend(new FieldSpecs.LabelField(null, "metadata/labels", Create: true)).ToList();
        foreach (var resource in resources)
        {
            foreach (var field in all.Where(f => f.Kind is null || f.Kind == resource.Kind))
            {
                resource.Root = (MappingNode?)TreeEdit.Edit(resource.Root, field.Path, existing => existing switch
                {
                    MappingNode labels => entries.Aggregate(labels, (map, e) => TreeEdit.With(map, e.Key, e.Value)),
                    null when field.Create => new MappingNode(pairs.Span, entries),
                    _ => null,
                }, field.Create ? pairs.Span : null) ?? resource.Root;
            }
        }
    }

    private static void SetReplicas(KustomizationContext context, List<Resource> resources, SequenceNode replicas)
    {
        foreach (var item in replicas.Items.OfType<MappingNode>())
        {
            if (item["name"] is not ScalarNode name || item["count"] is not ScalarNode { Kind: ScalarKind.Int } count)
            {
                context.Note(item.Span, "this `replicas` entry has no `name` or no integer `count`: kubelint leaves the replicas as they are");
                continue;
            }

            foreach (var resource in resources.Where(r => r.HadName(name.Value) && FieldSpecs.HasReplicas(r.Kind)))
            {
                Set(resource, "spec/replicas", count, count.Span);
            }
        }
    }

    private static void Set(Resource resource, string path, Node value, SourceSpan createAt) =>
        resource.Root = (MappingNode?)TreeEdit.Edit(resource.Root, path, _ => value, createAt) ?? resource.Root;
}
