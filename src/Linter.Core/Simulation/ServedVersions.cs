using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>API versions that Kubernetes no longer serves, and the release that removed them.</summary>
public static class ServedVersions
{
    /// <summary>The newest Kubernetes release kubelint models: the target version unless the configuration names one.</summary>
    public static readonly Version Newest = new(1, 34);

    /// <summary>The release that stopped serving this kind in this API version, or null when it is served.</summary>
    public static Version? RemovedIn(string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("extensions/v1beta1", "Ingress") or ("networking.k8s.io/v1beta1", "Ingress") or ("networking.k8s.io/v1beta1", "IngressClass") => new Version(1, 22),
        ("extensions/v1beta1", "NetworkPolicy") => new Version(1, 16),
        _ => null,
    };

    /// <summary>The object's API version is served by <paramref name="target"/>.</summary>
    public static bool IsServed(KubeObject obj, Version target) => RemovedIn(obj.ApiVersion, obj.Kind) is not { } removed || target < removed;
}
