namespace Linter.Core.Loading;

/// <summary>
/// Kustomize patches are partial objects (a Deployment with only <c>replicas</c>, a <c>$patch: delete</c>):
/// linting them as manifests would report missing fields that the base provides. Files that a
/// kustomization or component of the input names as patches are left out, with their documents.
/// </summary>
internal static class KustomizePatches
{
    public static void Remove(IReadOnlyList<SourceFile> files)
    {
        var patches = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var document in file.Documents.Where(IsKustomization))
            {
                foreach (var path in PatchPaths(document.Root))
                {
                    patches.Add(Normalize(file.Folder.Length == 0 ? path : $"{file.Folder}/{path}"));
                }
            }
        }

        foreach (var file in files)
        {
            if (patches.Contains(file.Path))
            {
                file.Documents.Clear();
            }
            else
            {
                file.Documents.RemoveAll(d => d.Root["$patch"] is not null);
            }
        }
    }

    private static bool IsKustomization(SourceDocument document) =>
        document.Root["apiVersion"] is ScalarNode { Value: var api } && api.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal);

    private static IEnumerable<string> PatchPaths(MappingNode kustomization)
    {
        foreach (var field in new[] { "patches", "patchesStrategicMerge", "patchesJson6902" })
        {
            if (kustomization[field] is not SequenceNode items)
            {
                continue;
            }

            foreach (var item in items.Items)
            {
                var path = item switch
                {
                    ScalarNode { Kind: ScalarKind.String } s => s.Value,
                    MappingNode m when m["path"] is ScalarNode p => p.Value,
                    _ => null,
                };
                if (path is not null && !path.Contains("\n") && PathExpander.IsManifestFile(path))
                {
                    yield return path;
                }
            }
        }
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }
}
