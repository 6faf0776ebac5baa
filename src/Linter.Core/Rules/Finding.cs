using Linter.Core.Loading;

namespace Linter.Core.Rules;

/// <summary>Another place involved in a finding (the first owner of a node port, the pods a selector missed).</summary>
/// <param name="Span">Where the other place is written.</param>
/// <param name="Message">What it has to do with the finding.</param>
public sealed record RelatedLocation(SourceSpan Span, string Message);

/// <summary>A problem a rule reported (<see cref="RuleContext.Report"/>).</summary>
/// <param name="RuleId">The id of the rule that reported it.</param>
/// <param name="Severity">Its severity, before the configuration's overrides.</param>
/// <param name="Message">What is wrong, why it matters and what to do.</param>
/// <param name="Location">Where the problem is written.</param>
/// <param name="Related">Other places involved (at most <see cref="MaxRelated"/>).</param>
public sealed record Finding(string RuleId, Severity Severity, string Message, SourceSpan Location, IReadOnlyList<RelatedLocation> Related)
{
    /// <summary>
    /// Related locations kept per finding; the message counts the rest. Bounds the output when thousands of objects
    /// are involved (5,000 Services selecting the same 5,000 pods would otherwise list 25 million).
    /// </summary>
    public const int MaxRelated = 20;

    /// <summary>A fingerprint that survives moved lines (see <c>FindingFingerprint</c>); set by the engine.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>What silenced the finding (a <c>kubelint.io/ignore</c> annotation or a comment), if anything.</summary>
    public string? SuppressedBy { get; init; }

    /// <summary>Compared with a baseline: the finding was already in it.</summary>
    public bool InBaseline { get; init; }

    /// <summary>The finding counts: neither suppressed nor in the baseline.</summary>
    public bool IsActive => SuppressedBy is null && !InBaseline;
}
