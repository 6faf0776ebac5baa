using Linter.Core.Rules;

namespace Linter.Rules.Selectors;

public sealed class ServiceSelectorIsLabelSelectorRule() : Rule(new RuleDescriptor("KL102", "service-selector-is-label-selector", "Service selector written as a label selector", Severity.Error, "selectors"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.SelectorIsLabelSelector && s.SelectorKey is not null))
        {
            var fix = service.SelectorMatchLabels.Count > 0
                ? "write `selector: {" + string.Join(", ", service.SelectorMatchLabels.Select(p => $"{p.Key.Value}: {p.Value.Value}")) + "}`"
                : "write the labels directly under `selector:`";
            context.Report(service.SelectorKey!.Span,
                $"{service} has a label selector (matchLabels/matchExpressions), but a Service selector is a plain map of labels that must all be equal; the API server rejects it. {char.ToUpperInvariant(fix[0])}{fix.Substring(1)}");
        }
    }
}
