using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class UnknownFieldRule() : InputProblemRule(new RuleDescriptor("KL004", "unknown-field", "Unknown field", Severity.Warning, "input"), ProblemKind.UnknownField);
