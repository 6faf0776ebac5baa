using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class FieldHasWrongTypeRule() : InputProblemRule(new RuleDescriptor("KL003", "field-has-wrong-type", "Field has the wrong type", Severity.Error, "input"), ProblemKind.WrongType);
