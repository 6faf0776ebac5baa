using Linter.Core.Loading;
using Linter.Core.Simulation;

namespace Linter.Core.Rules;

/// <summary>What a rule sees: the simulated cluster, and where its findings go.</summary>
public sealed class RuleContext(ClusterSnapshot snapshot, RuleDescriptor rule, IReadOnlyList<Suppression>? suppressions = null, RuleOptions? options = null)
{
    private readonly List<Finding> _findings = [];

    public ClusterSnapshot Snapshot { get; } = snapshot;

    public RuleDescriptor Rule { get; } = rule;

    /// <summary>For rules that run after suppressions: every suppression of the input, with whether it silenced something.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; } = suppressions ?? [];

    /// <summary>The rule's options from the configuration file (<c>ruleOptions</c>).</summary>
    public RuleOptions Options { get; } = options ?? RuleOptions.None;

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Reports a finding at the rule's default severity, or at <paramref name="severity"/>
    /// for a rule whose severity depends on the case (KL203 for some workloads, KL212 for liveness).
    /// Related locations past <see cref="Finding.MaxRelated"/> are dropped (the message says how many objects are
    /// involved); given as an array they are kept without a copy, so that many findings can share them.</summary>
    public void Report(SourceSpan at, string message, Severity? severity = null, IEnumerable<RelatedLocation>? related = null) =>
        _findings.Add(new Finding(Rule.Id, severity ?? Rule.DefaultSeverity, message, at, related switch
        {
            RelatedLocation[] shared => shared.Length <= Finding.MaxRelated ? shared : new ArraySegment<RelatedLocation>(shared, 0, Finding.MaxRelated),
            null => [],
            _ => related.Take(Finding.MaxRelated).ToList(),
        }));
}
