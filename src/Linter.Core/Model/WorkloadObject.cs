using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Anything that creates pods: Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController, Job, CronJob, Pod.</summary>
public sealed class WorkloadObject : KubeObject
{
    // Kept as a value, not a node (see ScalarData); the property gives a new node on each read.
    private ScalarData _specKey;
    private ScalarData _selectorKey;

    internal WorkloadObject(SourceDocument document, string apiVersion, string kind) : base(document, apiVersion, kind) { }

    public bool IsPod => Kind == "Pod";

    /// <summary>The key of the mapping that holds selector and template (<c>spec</c>; for CronJob the job's spec).</summary>
    public ScalarNode? SpecKey { get => _specKey.ToNode(); internal set => _specKey = ScalarData.Of(value); }

    public ScalarNode? SelectorKey { get => _selectorKey.ToNode(); internal set => _selectorKey = ScalarData.Of(value); }

    public LabelSelector? Selector { get; internal set; }

    public PodTemplate? Template { get; internal set; }

    /// <summary>The keys and values of the pod template's <c>metadata.labels</c> the API server rejects (KL810); they are left out of <see cref="Template"/>.</summary>
    public IReadOnlyList<LabelProblem> TemplateLabelProblems { get; internal set; } = [];

    public IntField? Replicas { get; internal set; }

    public ScalarNode? ServiceNameNode { get; internal set; }

    public int OrdinalsStart { get; internal set; }

    /// <summary>The API server requires <c>spec.selector</c> (apps/v1 workloads; Jobs with manualSelector).</summary>
    public bool RequiresSelector { get; internal set; }
}
