using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Linter.Core.Loading;

using Linter.Tests;

namespace Linter.Core.Tests;

/// <summary>
/// kubelint's kustomize build against <c>kubectl kustomize</c>, object by object, on the fields the simulation reads,
/// for the fixtures here and every kustomization of ../shared/corpora. Where kustomize cannot build (a file the
/// corpus lacks), kubelint must say its build is incomplete.
/// </summary>
public sealed class KustomizeParityTests
{
    private static readonly string[] ModelledFields =
    [
        "metadata/labels", "spec/selector", "spec/replicas", "spec/serviceName", "spec/ports", "spec/type", "spec/template/metadata/labels",
        "spec/template/spec/containers", "spec/template/spec/initContainers", "spec/template/spec/volumes", "spec/template/spec/serviceAccountName",
        "spec/jobTemplate", "spec/podSelector", "spec/ingress", "spec/egress", "spec/rules", "spec/defaultBackend", "spec/scaleTargetRef", "data",
    ];

    private static string Corpora => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpora"));

    public static TheoryData<string> Kustomizations()
    {
        var roots = new[] { Path.Combine(RepositoryRoot.Path, "tests", "Linter.Core.Tests", "Kustomize"), Corpora }.Where(Directory.Exists);
        var data = new TheoryData<string>();
        foreach (var file in roots.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)).Where(KustomizePatches.IsKustomizationFile).Order(StringComparer.Ordinal))
        {
            if (!File.ReadAllText(file).Contains("kind: Component"))
            {
                data.Add(Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(file)!));
            }
        }

        return data;
    }

    [KubectlTheory]
    [MemberData(nameof(Kustomizations))]
    public void The_build_equals_kubectl_kustomize_on_the_modelled_fields(string folder)
    {
        var full = Path.Combine(RepositoryRoot.Path, folder);
        var kustomization = KustomizePatches.KustomizationIn(full)!;
        var build = ManifestLoader.Load([InputSource.FromPath(kustomization)], RepositoryRoot.Path).Files.Single(f => f.Build is not null);
        var ours = build.Documents.Select(d => d.Root).ToList();
        var (exitCode, rendered, error) = Kubectl.Kustomize(full);
        if (exitCode != 0)
        {
            Assert.True(build.Problems.Any(p => p.Kind == ProblemKind.TemplateMarkers), $"kustomize cannot build {folder} ({error.Trim()}), and kubelint did not say its build is incomplete");
            return;
        }

        var theirs = ManifestLoader.Parse("rendered.yaml", WithoutHashSuffixes(rendered, ours)).Documents.Select(d => d.Root).ToList();
        Assert.Equal(Project(theirs), Project(ours));
    }

    /// <summary>kustomize adds a hash of the data to generated names; kubelint does not (references meet either way).</summary>
    private static string WithoutHashSuffixes(string rendered, List<MappingNode> ours)
    {
        foreach (var name in ours.Where(o => Kind(o) == "ConfigMap").Select(Name).Where(n => n.Length > 0))
        {
            rendered = Regex.Replace(rendered, $@"\b{Regex.Escape(name)}-[a-z0-9]{{10}}\b", name);
        }

        return rendered;
    }

    private static SortedDictionary<string, string> Project(IEnumerable<MappingNode> objects)
    {
        var projection = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in objects)
        {
            var json = JsonNode.Parse(NodeJson.ToDocument(root).RootElement.GetRawText())!.AsObject();
            var fields = new JsonObject();
            foreach (var field in ModelledFields)
            {
                if (At(json, field) is { } value)
                {
                    fields[field] = Sorted(value);
                }
            }

            var ns = At(json, "metadata/namespace")?.ToString() ?? string.Empty;
            projection[$"{Kind(root)} {ns}/{Name(root)}"] = fields.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        return projection;
    }

    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var key in path.Split('/'))
        {
            node = node is JsonObject map && map.TryGetPropertyValue(key, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>A copy with the keys of every object in order (kustomize sorts them; a build keeps the source's order).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray list => new JsonArray(list.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Kind(MappingNode root) => root["kind"] is ScalarNode { Value: var kind } ? kind : string.Empty;

    private static string Name(MappingNode root) => root["metadata"] is MappingNode m && m["name"] is ScalarNode { Value: var name } ? name : string.Empty;
}
