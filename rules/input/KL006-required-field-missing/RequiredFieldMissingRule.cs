using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class RequiredFieldMissingRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL006", "required-field-missing", "Required field is missing", Severity.Error, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.MissingField;
}
