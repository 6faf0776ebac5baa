namespace Linter.Core.Loading;

/// <summary>
/// The documented limits of what kubelint reads (README, "Limits"). Past any of them the input is one positioned
/// KL001 whose message names the limit; the other files are still linted. No real manifest set comes close: they
/// bound memory and time against hostile or broken input.
/// </summary>
internal static class LoadLimits
{
    /// <summary>Bytes in one file, standard input or config file.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>Bytes in a baseline (a SARIF log of a large run is larger than a manifest file).</summary>
    public const long MaxBaselineBytes = 256L * 1024 * 1024;

    /// <summary>Nesting of mappings and lists, counted through aliases as well.</summary>
    public const int MaxDepth = 200;

    /// <summary>Nodes (scalars, keys included, mappings, lists and aliases) read in one YAML document.</summary>
    public const int MaxNodesPerDocument = 2_000_000;

    /// <summary>
    /// Nodes (mappings, lists and scalars, keys not counted) that aliases (<c>*name</c>, also behind merge keys) add
    /// to one document when expanded: what a walk of the document visits beyond its own text. Kubernetes'
    /// decoder (go-yaml) refuses "excessive aliasing" by a ratio that tightens until 4,000,000 decoded nodes; a
    /// fixed budget is simpler to state and still ends an alias "billion laughs" at once.
    /// </summary>
    public const long MaxAliasExpansion = 10_000_000;

    /// <summary>YAML documents in one file (or on standard input).</summary>
    public const int MaxDocumentsPerFile = 1_000_000;
}
