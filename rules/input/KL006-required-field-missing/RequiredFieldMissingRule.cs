using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class RequiredFieldMissingRule() : InputProblemRule(new RuleDescriptor("KL006", "required-field-missing", "Required field is missing", Severity.Error, "input"), ProblemKind.MissingField);
