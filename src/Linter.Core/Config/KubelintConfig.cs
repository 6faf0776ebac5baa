using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Config;

/// <summary>A rule's setting: off, on at its default severity, or on at another severity.</summary>
internal readonly record struct RuleSetting(bool Enabled, Severity? Severity)
{
    public static readonly RuleSetting Off = new(false, null);
    public static readonly RuleSetting On = new(true, null);

    public static RuleSetting At(Severity severity) => new(true, severity);

    /// <summary>Reads <c>off</c>, <c>on</c>, <c>error</c>, <c>warning</c> or <c>note</c> (YAML booleans count as off/on).</summary>
    public static bool TryParse(string text, out RuleSetting setting)
    {
        switch (text.ToLowerInvariant())
        {
            case "off" or "false" or "no" or "disable" or "disabled":
                setting = Off;
                return true;
            case "on" or "true" or "yes" or "enable" or "enabled":
                setting = On;
                return true;
        }

        var known = SeverityNames.TryParse(text, out var severity);
        setting = known ? At(severity) : default;
        return known;
    }
}

/// <summary>Rule settings for the files a set of globs matches.</summary>
internal sealed record RuleOverride(IReadOnlyList<string> Files, IReadOnlyDictionary<string, RuleSetting> Rules);

/// <summary>The contents of a <c>.kubelint.yaml</c> file.</summary>
internal sealed record KubelintConfig
{
    /// <summary>The config file, or null when none was found.</summary>
    public string? Path { get; init; }

    /// <summary>Globs in the file are relative to this folder.</summary>
    public string Directory { get; init; } = System.IO.Directory.GetCurrentDirectory();

    /// <summary>By rule id (slugs are resolved when the file is read).</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    public IReadOnlyList<RuleOverride> Overrides { get; init; } = [];

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public string? ClusterDomain { get; init; }

    public PortRange? NodePortRange { get; init; }

    public string? ClusterDns { get; init; }

    /// <summary>The Kubernetes release the manifests are deployed to (major.minor).</summary>
    public Version? KubernetesVersion { get; init; }

    public string? DefaultNamespace { get; init; }

    public IReadOnlyList<string> ExternalNamespaces { get; init; } = [];

    /// <summary>IngressClass names that exist outside the input.</summary>
    public IReadOnlyList<string> IngressClasses { get; init; } = [];

    /// <summary>GatewayClasses that exist outside the input (the keys of <c>cluster.gatewayClasses</c>).</summary>
    public IReadOnlyList<ConfiguredGatewayClass> GatewayClasses { get; init; } = [];

    public IReadOnlyList<ConfiguredService> Services { get; init; } = [];

    /// <summary>Labels of namespaces besides those of Namespace objects (<c>cluster.namespaces.&lt;name&gt;.labels</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public IReadOnlyList<string> PodCidrs { get; init; } = [];

    public bool? NetworkPolicyEnforced { get; init; }

    public bool? IpBlockMatchesPods { get; init; }

    public ClusterDnsPods? DnsPods { get; init; }

    public IReadOnlyList<ConfiguredIngressController> IngressControllers { get; init; } = [];

    /// <summary>Folders of custom rules written in C# (<c>customRules</c>), as written (relative to <see cref="Directory"/>).</summary>
    public IReadOnlyList<string> CustomRules { get; init; } = [];

    /// <summary>Precompiled rule packs (<c>rulePackages</c>): assembly paths as written (relative to <see cref="Directory"/>).</summary>
    public IReadOnlyList<string> RulePackages { get; init; } = [];

    /// <summary>Rule options by rule id (<c>ruleOptions</c>; slugs are resolved when the file is read).</summary>
    public IReadOnlyDictionary<string, RuleOptions> RuleOptions { get; init; } = new Dictionary<string, RuleOptions>();

    /// <summary>The simulation settings of this profile, over the given defaults.</summary>
    public SimulationOptions ApplyTo(SimulationOptions defaults) => (ClusterDomain is null ? defaults : defaults with { ClusterDomain = ClusterDomain }) with
    {
        NodePortRange = NodePortRange ?? defaults.NodePortRange,
        ClusterDns = ClusterDns ?? defaults.ClusterDns,
        KubernetesVersion = KubernetesVersion ?? defaults.KubernetesVersion,
        DefaultNamespace = DefaultNamespace ?? defaults.DefaultNamespace,
        ExternalNamespaces = ExternalNamespaces,
        IngressClasses = IngressClasses,
        GatewayClasses = GatewayClasses,
        Services = Services,
        NamespaceLabels = NamespaceLabels,
        PodCidrs = PodCidrs,
        NetworkPolicyEnforced = NetworkPolicyEnforced ?? defaults.NetworkPolicyEnforced,
        IpBlockMatchesPods = IpBlockMatchesPods ?? defaults.IpBlockMatchesPods,
        DnsPods = DnsPods ?? defaults.DnsPods,
        IngressControllers = IngressControllers,
    };
}

/// <summary>A problem in a config file, with its position.</summary>
internal sealed record ConfigProblem(SourceSpan Span, string Message)
{
    public override string ToString() => $"{Span.Path}:{Span.Line}:{Span.Column}: error: {Message}";
}
