using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class UnusedSuppressionRule() : Rule(new RuleDescriptor("KL008", "unused-suppression", "Suppression that silences nothing", Severity.Note, "input"))
{
    public override bool RunsAfterSuppressions => true;

    public override void Check(RuleContext context)
    {
        foreach (var suppression in context.Suppressions.Where(s => !s.Used))
        {
            var unknown = suppression.Unknown.Count > 0 ? $"; {string.Join(", ", suppression.Unknown.Select(u => $"`{u}`"))} is no rule's id or slug (`kubelint rules` lists them)" : string.Empty;
            var scope = suppression.Rules is null ? "any rule" : string.Join(", ", suppression.Rules.OrderBy(r => r, StringComparer.Ordinal));
            context.Report(suppression.At,
                $"this {suppression.Describe()} silences nothing: no finding of {scope} is in its scope{unknown}. Remove it so stale suppressions do not pile up");
        }
    }
}
