using Linter.Core.Loading;
using Linter.Core.Simulation;

namespace Linter.Core.Rules;

/// <summary>What a rule sees: the simulated cluster, and where its findings go.</summary>
/// <param name="snapshot">The simulated cluster.</param>
/// <param name="rule">The rule being run, whose id and default severity findings get.</param>
/// <param name="suppressions">Every suppression of the input, for rules that run after suppressions.</param>
/// <param name="options">The rule's options from the configuration file.</param>
public sealed class RuleContext(ClusterSnapshot snapshot, RuleDescriptor rule, IReadOnlyList<Suppression>? suppressions = null, RuleOptions? options = null)
{
    private readonly List<Finding> _findings = [];

    /// <summary>
    /// The simulated cluster: the typed objects (<see cref="ClusterSnapshot.Objects"/>), which pods each Service
    /// selects, how its ports resolve, what names resolve to through cluster DNS, and the network policies.
    /// </summary>
    public ClusterSnapshot Snapshot { get; } = snapshot;

    /// <summary>The rule being run.</summary>
    public RuleDescriptor Rule { get; } = rule;

    /// <summary>For rules that run after suppressions: every suppression of the input, with whether it silenced something.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; } = suppressions ?? [];

    /// <summary>The rule's options from the configuration file (<c>ruleOptions</c>).</summary>
    public RuleOptions Options { get; } = options ?? RuleOptions.None;

    /// <summary>The findings reported so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Reports a finding at the rule's default severity, or at <paramref name="severity"/>
    /// for a rule whose severity depends on the case (KL203 for some workloads, KL212 for liveness).
    /// Related locations past <see cref="Finding.MaxRelated"/> are dropped (the message says how many objects are
    /// involved); given as an array they are kept without a copy, so that many findings can share them.</summary>
    /// <param name="at">Where the problem is written: the exact node (a port, a name, a selector), not the whole object.</param>
    /// <param name="message">What is wrong, why it matters and what to do.</param>
    /// <param name="severity">The severity, when not the rule's default.</param>
    /// <param name="related">Other places involved, each with a short message.</param>
    public void Report(SourceSpan at, string message, Severity? severity = null, IEnumerable<RelatedLocation>? related = null) =>
        _findings.Add(new Finding(Rule.Id, severity ?? Rule.DefaultSeverity, message, at, related switch
        {
            RelatedLocation[] shared => shared.Length <= Finding.MaxRelated ? shared : new ArraySegment<RelatedLocation>(shared, 0, Finding.MaxRelated),
            null => [],
            _ => related.Take(Finding.MaxRelated).ToList(),
        }));
}
