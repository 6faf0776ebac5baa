namespace Linter.Core.Loading.Kustomize;

/// <summary>
/// The fields kustomize's transformers touch (its built-in field specs), limited to those the simulation reads: where
/// labels go, which fields name another object (rewritten with a name prefix or suffix), which kinds have replicas.
/// </summary>
internal static class FieldSpecs
{
    /// <summary>A place for labels: for one kind (null: every kind), created when absent or only added to.</summary>
    public sealed record LabelField(string? Kind, string Path, bool Create);

    /// <summary>A field of a kind that names an object of <see cref="ReferencedKind"/> (null: the kind written beside it).</summary>
    public sealed record Reference(string? ReferencedKind, string Path);

    private static readonly string[] TemplateKinds = ["ReplicationController", "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job"];

    /// <summary>Selectors kustomize extends with <c>commonLabels</c> and <c>labels</c> with <c>includeSelectors</c>.</summary>
    public static readonly IReadOnlyList<LabelField> Selectors =
    [
        new("Service", "spec/selector", true),
        new("ReplicationController", "spec/selector", true),
        .. new[] { "Deployment", "ReplicaSet", "DaemonSet", "StatefulSet" }.Select(k => new LabelField(k, "spec/selector/matchLabels", true)),
        new("Job", "spec/selector/matchLabels", false),
        new("CronJob", "spec/jobTemplate/spec/selector/matchLabels", false),
        new("PodDisruptionBudget", "spec/selector/matchLabels", false),
        new("NetworkPolicy", "spec/podSelector/matchLabels", false),
        new("NetworkPolicy", "spec/ingress/[]/from/[]/podSelector/matchLabels", false),
        new("NetworkPolicy", "spec/egress/[]/to/[]/podSelector/matchLabels", false),
    ];

    /// <summary>Pod templates, which <c>labels</c> with <c>includeTemplates</c> (or selectors) reach too.</summary>
    public static readonly IReadOnlyList<LabelField> Templates =
    [
        .. TemplateKinds.Select(k => new LabelField(k, "spec/template/metadata/labels", true)),
        new("CronJob", "spec/jobTemplate/metadata/labels", true),
        new("CronJob", "spec/jobTemplate/spec/template/metadata/labels", true),
    ];

    private static readonly string[] PodReferences =
    [
        "ConfigMap volumes/[]/configMap/name",
        "ConfigMap volumes/[]/projected/sources/[]/configMap/name",
        "Secret volumes/[]/secret/secretName",
        "Secret volumes/[]/projected/sources/[]/secret/name",
        "PersistentVolumeClaim volumes/[]/persistentVolumeClaim/claimName",
        "ServiceAccount serviceAccountName",
        "Secret imagePullSecrets/[]/name",
        .. new[] { "containers", "initContainers" }.SelectMany(c => new[]
        {
            $"ConfigMap {c}/[]/env/[]/valueFrom/configMapKeyRef/name",
            $"ConfigMap {c}/[]/envFrom/[]/configMapRef/name",
            $"Secret {c}/[]/env/[]/valueFrom/secretKeyRef/name",
            $"Secret {c}/[]/envFrom/[]/secretRef/name",
        }),
    ];

    private static readonly Dictionary<string, IReadOnlyList<Reference>> References = BuildReferences();

    private static Dictionary<string, IReadOnlyList<Reference>> BuildReferences()
    {
        var byKind = new Dictionary<string, IReadOnlyList<Reference>>(StringComparer.Ordinal);
        var podSpecs = TemplateKinds.Select(k => (k, "spec/template/spec")).Append(("CronJob", "spec/jobTemplate/spec/template/spec")).Append(("Pod", "spec"));
        foreach (var (kind, podSpec) in podSpecs)
        {
            byKind[kind] = PodReferences.Select(r => r.Split(' ')).Select(r => Of(r[0], $"{podSpec}/{r[1]}")).ToList();
        }

        byKind["StatefulSet"] = [.. byKind["StatefulSet"], Of("Service", "spec/serviceName")];
        byKind["Ingress"] =
        [
            Of("Service", "spec/rules/[]/http/paths/[]/backend/service/name"),
            Of("Service", "spec/defaultBackend/service/name"),
            Of("Service", "spec/rules/[]/http/paths/[]/backend/serviceName"),
            Of("Service", "spec/backend/serviceName"),
            Of("Secret", "spec/tls/[]/secretName"),
        ];
        byKind["HorizontalPodAutoscaler"] = [new Reference(null, "spec/scaleTargetRef/name")];
        return byKind;
    }

    private static Reference Of(string kind, string path) => new(kind, path);

    public static IReadOnlyList<Reference> ReferencesOf(string kind) => References.TryGetValue(kind, out var references) ? references : [];

    /// <summary>kustomize adds no prefix or suffix to these.</summary>
    public static bool KeepsItsName(string kind) => kind is "CustomResourceDefinition" or "APIService" or "Namespace";

    public static bool HasReplicas(string kind) => kind is "Deployment" or "ReplicaSet" or "StatefulSet" or "ReplicationController";
}
