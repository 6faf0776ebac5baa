namespace Linter.Core.Simulation;

/// <summary>Labels whose values only exist once a controller has created the pods.</summary>
public static class ControllerLabels
{
    private static readonly HashSet<string> Unknowable = new(StringComparer.Ordinal)
    {
        "pod-template-hash", "controller-uid", "batch.kubernetes.io/controller-uid", "controller-revision-hash",
    };

    /// <summary>A selector on such a label cannot be checked before deployment (RULES.md ground rule 7).</summary>
    public static bool IsUnknowable(string key) => Unknowable.Contains(key);
}
