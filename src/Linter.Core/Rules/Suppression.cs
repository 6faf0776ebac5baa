using Linter.Core.Loading;

namespace Linter.Core.Rules;

public enum SuppressionKind
{
    /// <summary>Annotation <c>kubelint.io/ignore</c> on an object.</summary>
    Annotation,

    /// <summary><c># kubelint-disable-next-line</c></summary>
    NextLine,

    /// <summary><c># kubelint-disable-line</c> (at the end of the line it silences)</summary>
    Line,

    /// <summary><c># kubelint-disable</c> … <c># kubelint-enable</c></summary>
    Block,
}

/// <summary>One suppression in the input: where it is written, which rules it names, which lines it covers.</summary>
public sealed class Suppression(SuppressionKind kind, SourceSpan at, IReadOnlyCollection<string>? rules, int firstLine, int lastLine, IReadOnlyList<string> unknown)
{
    public SuppressionKind Kind { get; } = kind;

    /// <summary>The annotation value or the comment.</summary>
    public SourceSpan At { get; } = at;

    /// <summary>Rule ids; null means every rule.</summary>
    public IReadOnlyCollection<string>? Rules { get; } = rules;

    public int FirstLine { get; } = firstLine;

    public int LastLine { get; internal set; } = lastLine;

    /// <summary>Names in the suppression that are no rule's id or slug.</summary>
    public IReadOnlyList<string> Unknown { get; } = unknown;

    public bool Used { get; internal set; }

    public bool Covers(Finding finding) =>
        finding.Location.Path == At.Path && finding.Location.Line >= FirstLine && finding.Location.Line <= LastLine &&
        (Rules is null || Rules.Contains(finding.RuleId));

    public string Describe() => Kind switch
    {
        SuppressionKind.Annotation => "annotation kubelint.io/ignore",
        SuppressionKind.NextLine => "comment kubelint-disable-next-line",
        SuppressionKind.Line => "comment kubelint-disable-line",
        _ => "comment kubelint-disable",
    };
}
