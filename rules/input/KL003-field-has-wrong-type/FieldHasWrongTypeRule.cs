using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class FieldHasWrongTypeRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL003", "field-has-wrong-type", "Field has the wrong type", Severity.Error, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.WrongType;
}
