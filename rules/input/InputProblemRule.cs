using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

/// <summary>Reports the input problems of one kind that loading and binding recorded, with their positions.</summary>
public abstract class InputProblemRule(RuleDescriptor descriptor, ProblemKind kind) : Rule(descriptor)
{
    public override void Check(RuleContext context)
    {
        foreach (var file in context.Snapshot.Files)
        {
            // A loop, not Where: a predicate and an iterator per file and rule added up on inputs of 50,000 files.
            foreach (var problem in file.Problems)
            {
                if (problem.Kind == kind)
                {
                    context.Report(problem.Span, problem.Message);
                }
            }
        }
    }
}
