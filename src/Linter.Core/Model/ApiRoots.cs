namespace Linter.Core.Model;

/// <summary>
/// The API type of each modelled kind in the version an object is written in: the generated tables (v1, the models of
/// KubernetesClient) and, for the older versions the binders still read, their fields that v1 no longer has.
/// </summary>
internal static class ApiRoots
{
    /// <summary>
    /// v1beta1 Ingress (<c>extensions</c> and <c>networking.k8s.io</c>, served until 1.22): <c>spec.backend</c> rather than
    /// <c>defaultBackend</c>, and backends of <c>serviceName</c>/<c>servicePort</c> rather than <c>service</c>.
    /// </summary>
    private static readonly ApiType IngressV1Beta1 = LegacyIngress();

    /// <summary><c>spec.rollbackTo</c> (a RollbackConfig: <c>revision</c>) of apps/v1beta1 and extensions/v1beta1, served until 1.16.</summary>
    private static readonly ApiType DeploymentV1Beta1 = WithSpecField(FieldTables.V1Deployment, "rollbackTo", new ApiType("RollbackConfig").Define("revision", FieldShape.Value));

    /// <summary><c>spec.templateGeneration</c> of extensions/v1beta1, served until 1.16.</summary>
    private static readonly ApiType DaemonSetExtensionsV1Beta1 = WithSpecField(FieldTables.V1DaemonSet, "templateGeneration", null);

    /// <summary>The type of an object of a modelled kind in <paramref name="apiVersion"/>, or null when the kind is not modelled.</summary>
    public static ApiType? Of(string kind, string apiVersion) => (kind, apiVersion) switch
    {
        ("Ingress", "extensions/v1beta1" or "networking.k8s.io/v1beta1") => IngressV1Beta1,
        ("Deployment", "apps/v1beta1" or "extensions/v1beta1") => DeploymentV1Beta1,
        ("DaemonSet", "extensions/v1beta1") => DaemonSetExtensionsV1Beta1,
        _ => FieldTables.Roots.TryGetValue(kind, out var type) ? type : null,
    };

    private static ApiType LegacyIngress()
    {
        var backend = new ApiType("V1beta1IngressBackend")
            .Define("serviceName", FieldShape.Value)
            .Define("servicePort", FieldShape.Value)
            .Define("resource", FieldShape.Object, FieldTables.V1TypedLocalObjectReference);
        var path = FieldTables.V1HTTPIngressPath.Copy("V1beta1HTTPIngressPath").Define("backend", FieldShape.Object, backend);
        var http = FieldTables.V1HTTPIngressRuleValue.Copy("V1beta1HTTPIngressRuleValue").Define("paths", FieldShape.List, path);
        var rule = FieldTables.V1IngressRule.Copy("V1beta1IngressRule").Define("http", FieldShape.Object, http);
        var spec = FieldTables.V1IngressSpec.Copy("V1beta1IngressSpec")
            .Without("defaultBackend")
            .Define("backend", FieldShape.Object, backend)
            .Define("rules", FieldShape.List, rule);
        return FieldTables.V1Ingress.Copy("V1beta1Ingress").Define("spec", FieldShape.Object, spec);
    }

    private static ApiType WithSpecField(ApiType root, string name, ApiType? type)
    {
        var spec = root.Field("spec")!;
        var legacySpec = spec.Type!.Copy($"{spec.Type.Name} (v1beta1)").Define(name, type is null ? FieldShape.Value : FieldShape.Object, type);
        return root.Copy($"{root.Name} (v1beta1)").Define("spec", FieldShape.Object, legacySpec);
    }
}
