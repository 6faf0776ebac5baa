using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class FileNotParseableRule() : InputProblemRule(new RuleDescriptor("KL001", "file-not-parseable", "File is not valid YAML or JSON", Severity.Error, "input"), ProblemKind.Unparseable);
