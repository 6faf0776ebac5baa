using Linter.Core.Loading;

namespace Linter.Core.Rules;

/// <summary>Another place involved in a finding (the first owner of a node port, the pods a selector missed).</summary>
public sealed record RelatedLocation(SourceSpan Span, string Message);

public sealed record Finding(string RuleId, Severity Severity, string Message, SourceSpan Location, IReadOnlyList<RelatedLocation> Related);
