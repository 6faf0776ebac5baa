namespace Linter.Core.Loading.Kustomize;

/// <summary>What building a kustomization gave: its objects, every file it read, and what it could not model.</summary>
/// <param name="Objects">The built objects; every node keeps the span of the file it came from (base, patch, kustomization).</param>
/// <param name="Read">The files read on the way (resources, nested kustomizations and components, patch files).</param>
/// <param name="Notes">Fields and resources kubelint does not build, at their position.</param>
internal sealed record KustomizeOutput(IReadOnlyList<MappingNode> Objects, IReadOnlyList<SourceFile> Read, IReadOnlyList<InputProblem> Notes);

/// <summary>
/// Builds a kustomization the way <c>kustomize build</c> does for what the simulation reads: resources (files and
/// folders, recursively), components, generated ConfigMaps, patches, then namespace, name prefix and suffix (with
/// the references kustomize rewrites), labels and replicas. Remote resources are never fetched, and fields kubelint
/// does not model become notes: the build is never silently partial.
/// </summary>
internal sealed class KustomizeBuild
{
    private static readonly HashSet<string> Modelled = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "metadata", "resources", "bases", "components", "namespace", "namePrefix", "nameSuffix",
        "labels", "commonLabels", "patches", "patchesStrategicMerge", "patchesJson6902", "replicas", "configMapGenerator",
    };

    private readonly string _workingDirectory;
    private readonly Dictionary<string, SourceFile> _read = new(StringComparer.Ordinal);
    private readonly List<InputProblem> _notes = [];
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);

    private KustomizeBuild(string workingDirectory) => _workingDirectory = workingDirectory;

    /// <summary>Builds the kustomization <paramref name="file"/> read from <paramref name="fullPath"/>.</summary>
    public static KustomizeOutput Run(SourceFile file, string fullPath, string workingDirectory)
    {
        var build = new KustomizeBuild(workingDirectory);
        var folder = Path.GetDirectoryName(fullPath)!;
        build._building.Add(folder);
        var resources = file.Kustomization is { } kustomization ? build.Build(folder, file, kustomization, []) : [];
        return new KustomizeOutput(resources.Select(r => r.Root).ToList(), build._read.Values.ToList(), build._notes);
    }

    internal void Note(SourceSpan at, string message) => _notes.Add(new InputProblem(ProblemKind.TemplateMarkers, at, message));

    /// <summary>
    /// The objects of one kustomization (or component: it works on <paramref name="accumulated"/>, the objects of the
    /// kustomization that names it), in kustomize's order: resources, components, generators, patches, transformers.
    /// </summary>
    private List<Resource> Build(string folder, SourceFile file, MappingNode kustomization, List<Resource> accumulated)
    {
        var resources = accumulated;
        foreach (var item in Strings(kustomization["resources"]).Concat(Strings(kustomization["bases"])))
        {
            resources.AddRange(Resources(folder, item));
        }

        foreach (var item in Strings(kustomization["components"]))
        {
            if (Nested(folder, item, "component") is { } component)
            {
                resources = Build(component.Folder, component.File, component.Kustomization, resources);
                _building.Remove(component.Folder);
            }
        }

        var context = new KustomizationContext(this, folder, file);
        resources.AddRange(Generators.ConfigMaps(context, kustomization["configMapGenerator"]));
        Patches.Apply(context, kustomization, resources);
        Transformers.Apply(context, kustomization, resources);
        foreach (var entry in kustomization.Entries.Where(e => !Modelled.Contains(e.Key.Value)))
        {
            Note(entry.Key.Span, $"kubelint does not model the kustomize field `{entry.Key.Value}`: the build it lints is without it. To lint kustomize's own result, run `kustomize build {Display(folder)} | kubelint check -` (findings then point at the rendered output)");
        }

        return resources;
    }

    private IEnumerable<Resource> Resources(string folder, ScalarNode item)
    {
        if (IsRemote(item.Value))
        {
            Note(item.Span, $"the remote resource `{item.Value}` is not fetched (kubelint reads only local files): its objects are missing from this build");
            return [];
        }

        if (FullPath(folder, item) is not { } full)
        {
            return [];
        }

        if (InputFiles.KindOf(full).Kind == PathKind.Directory)
        {
            if (Nested(folder, item, "resource") is not { } nested)
            {
                return [];
            }

            var built = Build(nested.Folder, nested.File, nested.Kustomization, []);
            _building.Remove(nested.Folder);
            return built;
        }

        return Read(full, item) is { } read ? read.Documents.Select(d => new Resource(d.Root)).ToList() : [];
    }

    /// <summary>The kustomization of a folder a kustomization names (as a resource or a component), or null with a note.</summary>
    private NestedKustomization? Nested(string folder, ScalarNode item, string what)
    {
        var full = FullPath(folder, item);
        var path = full is null ? null : KustomizePatches.KustomizationIn(full);
        if (path is null)
        {
            Note(item.Span, $"the {what} `{item.Value}` is not a folder with a kustomization file (kustomization.yaml): kustomize build would fail, and its objects are missing from this build");
            return null;
        }

        if (!_building.Add(full!))
        {
            Note(item.Span, $"the {what} `{item.Value}` includes a kustomization that is already being built (a cycle): kustomize build would fail");
            return null;
        }

        return Read(path, item) is { Kustomization: { } kustomization } file ? new NestedKustomization(full!, file, kustomization) : null;
    }

    /// <summary>The full path a kustomization's relative path names, or null with a note when it is not a path at all.</summary>
    internal string? FullPath(string folder, ScalarNode relative)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(folder, relative.Value));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Note(relative.Span, $"`{relative.Value}` is not a usable path ({ex.Message}): kustomize build would fail");
            return null;
        }
    }

    /// <summary>A manifest file the build needs, read and parsed once per build; a note when it cannot be read.</summary>
    internal SourceFile? Read(string fullPath, ScalarNode namedBy)
    {
        if (_read.TryGetValue(fullPath, out var known))
        {
            return known;
        }

        if (!IsReadable(fullPath, namedBy))
        {
            return null;
        }

        var file = ManifestLoader.ReadFile(fullPath, Display(fullPath));
        _read[fullPath] = file;
        return file;
    }

    /// <summary>
    /// A patch file: its YAML documents as they are (operation lists, partial objects). Its file joins the input only
    /// for positions and comments; it holds no manifest of its own.
    /// </summary>
    internal IReadOnlyList<Node> ReadPatch(string fullPath, ScalarNode namedBy)
    {
        if (ReadData(fullPath, namedBy) is not { } text)
        {
            return [];
        }

        var read = YamlReader.Read(Display(fullPath), text);
        if (read.Problems.Count > 0)
        {
            Note(namedBy.Span, $"the patch `{namedBy.Value}` is not valid YAML ({read.Problems[0].Message}): kubelint does not apply it");
            return [];
        }

        if (!_read.ContainsKey(fullPath))
        {
            _read[fullPath] = new SourceFile(Display(fullPath), text) { Comments = read.Comments };
        }

        return read.Documents;
    }

    /// <summary>The text of a file the kustomization names (a patch, a <c>configMapGenerator</c> file or env file), or null
    /// (with a note when it is not a readable file).</summary>
    internal string? ReadData(string fullPath, ScalarNode namedBy) =>
        IsReadable(fullPath, namedBy) && InputFiles.ReadText(fullPath, LoadLimits.MaxFileBytes, rejectBinary: true) is { Problem: null, Text: { } text } ? text : null;

    private bool IsReadable(string fullPath, ScalarNode namedBy)
    {
        if (InputFiles.KindOf(fullPath).Kind == PathKind.Regular)
        {
            return true;
        }

        Note(namedBy.Span, $"`{namedBy.Value}` names no file kubelint can read: kustomize build would fail, and what it holds is missing from this build");
        return false;
    }

    private string Display(string fullPath) => ManifestLoader.DisplayPath(fullPath, _workingDirectory);

    private static bool IsRemote(string value) =>
        value.Contains("://") || value.StartsWith("github.com/", StringComparison.Ordinal) || value.StartsWith("git@", StringComparison.Ordinal);

    internal static IEnumerable<ScalarNode> Strings(Node? list) =>
        list is SequenceNode items ? items.Items.OfType<ScalarNode>().Where(s => s.Kind == ScalarKind.String) : [];

    private sealed record NestedKustomization(string Folder, SourceFile File, MappingNode Kustomization);
}

/// <summary>One object of a build: its tree, changed step by step, and every name it had (patches may name any of them).</summary>
internal sealed class Resource(MappingNode root)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { NameOf(root) };

    public MappingNode Root { get; set; } = root;

    public string Kind => Root["kind"] is ScalarNode { Value: var kind } ? kind : string.Empty;

    public string Name => NameOf(Root);

    public string Namespace => TreeEdit.At(Root, "metadata/namespace") is ScalarNode { Value: var ns } ? ns : string.Empty;

    public bool HadName(string name) => _names.Contains(name);

    public void Renamed() => _names.Add(Name);

    private static string NameOf(MappingNode root) => TreeEdit.At(root, "metadata/name") is ScalarNode { Value: var name } ? name : string.Empty;
}

/// <summary>The kustomization being built: where its relative paths start, and its file (for inline patches).</summary>
internal sealed class KustomizationContext(KustomizeBuild build, string folder, SourceFile file)
{
    public string Folder { get; } = folder;

    public SourceFile File { get; } = file;

    public void Note(SourceSpan at, string message) => build.Note(at, message);

    public IReadOnlyList<Node> ReadPatch(ScalarNode relativePath) =>
        build.FullPath(Folder, relativePath) is { } full ? build.ReadPatch(full, relativePath) : [];

    public string? ReadData(string relativePath, ScalarNode namedBy) =>
        build.FullPath(Folder, TreeEdit.Scalar(relativePath, namedBy.Span)) is { } full ? build.ReadData(full, namedBy) : null;
}
