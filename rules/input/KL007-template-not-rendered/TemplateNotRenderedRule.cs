using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class TemplateNotRenderedRule() : InputProblemRule(new RuleDescriptor("KL007", "template-not-rendered", "File is an unrendered template", Severity.Note, "input"), ProblemKind.TemplateMarkers);
