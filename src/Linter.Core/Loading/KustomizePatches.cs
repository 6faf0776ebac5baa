namespace Linter.Core.Loading;

/// <summary>
/// Kustomize patches are partial objects (a Deployment with only <c>replicas</c>, a <c>$patch: delete</c>):
/// linting them as manifests would report missing fields that the base provides. Files that a
/// kustomization or component of the input names as patches are left out, with their documents. A
/// kustomization is known by its file name, as kustomize finds it, whether or not it has <c>apiVersion</c>
/// and <c>kind</c> (most do not), or by its <c>kustomize.config.k8s.io</c> apiVersion.
/// </summary>
internal static class KustomizePatches
{
    /// <summary>Clears the documents of every file that a kustomization of the input names as a patch.</summary>
    public static void Remove(IReadOnlyList<SourceFile> files)
    {
        var patches = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var path in file.PatchPaths)
            {
                patches.Add(Normalize(file.Folder.Length == 0 ? path : $"{file.Folder}/{path}"));
            }
        }

        foreach (var file in files)
        {
            if (patches.Contains(file.Path))
            {
                file.Documents.Clear();
            }
        }
    }

    /// <summary>The patch files the file's kustomizations name, read when the file is parsed (its trees may go after binding).</summary>
    public static IReadOnlyList<string> PatchPathsOf(SourceFile file)
    {
        var kustomizations = file.Documents.Where(IsKustomization).Select(d => d.Root).Append(file.Kustomization).OfType<MappingNode>();
        return kustomizations.SelectMany(PatchPaths).ToList();
    }

    /// <summary>A strategic-merge directive (<c>$patch: delete</c> and the like): a partial object, never linted.</summary>
    public static bool IsPatchDirective(MappingNode document) => document["$patch"] is not null;

    private static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>A <c>kind: Component</c> kustomization: a part that kustomizations include, not a build of its own.</summary>
    public static bool IsComponent(MappingNode kustomization) => kustomization["kind"] is ScalarNode { Value: "Component" };

    /// <summary>The kustomization file of a folder (full path), or null.</summary>
    public static string? KustomizationIn(string folder) =>
        FileNames.Select(name => Path.Combine(folder, name)).FirstOrDefault(path => InputFiles.KindOf(path).Kind == PathKind.Regular);

    /// <summary>The names kustomize looks for in a folder.</summary>
    public static bool IsKustomizationFile(string path) => FileNames.Contains(path.Substring(path.LastIndexOf('/') + 1), StringComparer.Ordinal);

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
