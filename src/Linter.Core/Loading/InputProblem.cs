namespace Linter.Core.Loading;

/// <summary>What went wrong reading or binding the input; the input rules (KL0xx) report these.</summary>
public enum ProblemKind
{
    Unparseable,
    NotAManifest,
    WrongType,
    UnknownField,
    MissingField,
    TemplateMarkers,
}

public sealed record InputProblem(ProblemKind Kind, SourceSpan Span, string Message);
