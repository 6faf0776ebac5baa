using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class FileNotParseableRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL001", "file-not-parseable", "File is not valid YAML or JSON", Severity.Error, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.Unparseable;
}
