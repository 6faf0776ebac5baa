using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>The identity API servers use for uniqueness: group, kind, namespace and name.</summary>
public readonly record struct ObjectKey(string Group, string Kind, string Namespace, string Name);

/// <summary>A bound Kubernetes object. Every field the rules read keeps the node it came from.</summary>
public class KubeObject
{
    private readonly SourceSpan _nameFallback;
    private readonly SourceSpan? _kindSpan;
    // Kept as a value, not a node (see ScalarData); the property gives a new node on each read.
    private ScalarData _apiVersion;
    private ScalarData _name;

    internal KubeObject(SourceDocument document, string apiVersion, string kind)
    {
        Document = document;
        ApiVersion = apiVersion;
        Kind = kind;
        var slash = apiVersion.IndexOf('/');
        Group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);

        // What findings need of the document's tree, taken now: the tree goes once the object is bound.
        var root = document.Root;
        Span = root.Span;
        _kindSpan = root["kind"]?.Span;
        _nameFallback = root.KeyNode("metadata")?.Span ?? root.KeyNode("metadata.name")?.Span ?? _kindSpan ?? root.Span;
        HasPodTemplateMetadata = root["spec"] is MappingNode spec && spec["template"] is MappingNode template && template["metadata"] is MappingNode;
    }

    public SourceDocument Document { get; }

    /// <summary>The whole object (its document, or its item of a <c>kind: List</c>).</summary>
    public SourceSpan Span { get; }

    /// <summary><c>spec.template.metadata</c> is a mapping: a pod template, whatever the kind (an unmodelled one runs pods we cannot see).</summary>
    internal bool HasPodTemplateMetadata { get; }

    public string ApiVersion { get; }

    /// <summary>The <c>apiVersion</c> value.</summary>
    public ScalarNode? ApiVersionNode { get => _apiVersion.ToNode(); internal set => _apiVersion = ScalarData.Of(value); }

    /// <summary>The API group ("" for the core group, "apps", "batch", ...).</summary>
    public string Group { get; }

    public string Kind { get; }

    public string Name { get; internal set; } = string.Empty;

    public ScalarNode? NameNode { get => _name.ToNode(); internal set => _name = ScalarData.Of(value); }

    public string Namespace { get; internal set; } = string.Empty;

    public bool HasExplicitNamespace { get; internal set; }

    /// <summary>The labels of <c>metadata.labels</c> the API server accepts (those KL810 reports are left out).</summary>
    public IReadOnlyList<StringPair> Labels { get; internal set; } = [];

    /// <summary>The keys and values of <c>metadata.labels</c> the API server rejects (KL810).</summary>
    public IReadOnlyList<LabelProblem> LabelProblems { get; internal set; } = [];

    public IReadOnlyList<StringPair> Annotations { get; internal set; } = [];

    /// <summary>The first annotation with this key, when written (a loop: LINQ over the StringPair struct is compiled at run time).</summary>
    internal StringPair? Annotation(string key)
    {
        for (var i = 0; i < Annotations.Count; i++)
        {
            if (Annotations[i].KeyText == key)
            {
                return Annotations[i];
            }
        }

        return null;
    }

    /// <summary>Cluster-scoped kinds (StorageClass, ClusterRole, ...) have no namespace in their identity.</summary>
    public ObjectKey Key => new(Group, Kind, IsClusterScoped ? string.Empty : Namespace, Name);

    public bool IsClusterScoped => ClusterScopedKinds.Contains(Kind);

    /// <summary>
    /// The folder of the file: the unit <c>kubectl apply -f FOLDER</c> applies together. Copies of an
    /// object in other folders are alternatives (overlays, environments, versions), not one cluster.
    /// </summary>
    public string ApplyUnit => Document.File.Folder;

    /// <summary>
    /// Where findings about the object as a whole point: its name; without one, where the name belongs (the
    /// <c>metadata</c> key, or a top-level <c>metadata.name</c> key written with a dot), else the <c>kind</c> value.
    /// </summary>
    public SourceSpan NameSpan => _name.Value is null ? _nameFallback : _name.Span;

    /// <summary>The object's <c>kind</c> value: where findings about a missing <c>spec</c> point.</summary>
    public SourceSpan KindSpan => _kindSpan ?? NameSpan;

    /// <summary>
    /// An earlier object of the same file has this one's identity (<see cref="Key"/>, with a name), and the first such
    /// object says the same to the API server (layout, key order and quoting aside): applying this copy changes nothing.
    /// </summary>
    public bool SameContentAsFirstCopyInFile { get; internal set; }

    /// <summary>"Service web"; an object without a usable name by its kind and line, never by an empty name.</summary>
    public override string ToString() =>
        Name.Length > 0 ? $"{Kind} {Name}" : $"{Kind} ({(_name.Value is null ? "no" : "empty")} metadata.name, line {NameSpan.Line})";
}

public sealed class NamespaceObject : KubeObject
{
    internal NamespaceObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Namespace") { }
}

public sealed class ConfigMapObject : KubeObject
{
    internal ConfigMapObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "ConfigMap") { }

    public IReadOnlyList<StringPair> Data { get; internal set; } = [];
}

/// <summary>Manually managed endpoints: an Endpoints object, or an EndpointSlice labelled for a Service.</summary>
public sealed class EndpointsObject : KubeObject
{
    internal EndpointsObject(SourceDocument document, string apiVersion, string kind) : base(document, apiVersion, kind) { }

    /// <summary>The Service these endpoints belong to (same namespace).</summary>
    public string ServiceName { get; internal set; } = string.Empty;
}

/// <summary>A HorizontalPodAutoscaler: the replicas of its target are not fixed by the manifest.</summary>
public sealed class AutoscalerObject : KubeObject
{
    internal AutoscalerObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "HorizontalPodAutoscaler") { }

    public string TargetKind { get; internal set; } = string.Empty;

    public string TargetName { get; internal set; } = string.Empty;
}
