using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class TemplateNotRenderedRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL007", "template-not-rendered", "File is an unrendered template", Severity.Note, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.TemplateMarkers;
}
