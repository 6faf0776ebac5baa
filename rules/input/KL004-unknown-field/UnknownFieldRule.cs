using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class UnknownFieldRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL004", "unknown-field", "Unknown field", Severity.Warning, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.UnknownField;
}
