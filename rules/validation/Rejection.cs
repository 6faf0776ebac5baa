using Linter.Core.Model;

namespace Linter.Rules.Validation;

/// <summary>How the KL8xx rules name the object the API server rejects.</summary>
internal static class Rejection
{
    /// <summary>"Deployment web (shop): the API server rejects the Deployment".</summary>
    public static string By(KubeObject obj) =>
        $"{(obj.Namespace.Length > 0 ? $"{obj} ({obj.Namespace})" : obj.ToString())}: the API server rejects the {obj.Kind}";
}
