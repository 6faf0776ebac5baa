namespace Linter.Core.Loading;

/// <summary>Kinds without a namespace in their identity (a kustomize <c>namespace</c> leaves them alone too).</summary>
internal static class ClusterScopedKinds
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
        "VolumeAttachment", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "APIService", "PodSecurityPolicy",
        "CertificateSigningRequest", "ClusterIssuer", "GatewayClass", "ClusterTrustBundle",
    };

    public static bool Contains(string kind) => Kinds.Contains(kind);
}
