using Linter.Core.Rules;

namespace Linter.Rules.Headless;

public sealed class StatefulSetOrdinalOutOfRangeRule() : Rule(new RuleDescriptor("KL407", "statefulset-ordinal-out-of-range", "StatefulSet pod name beyond its replicas", Severity.Warning, "headless"))
{
    public override void Check(RuleContext context)
    {
        foreach (var reference in context.Snapshot.Names.All)
        {
            if (reference.Answer.Ordinal is not { } ordinal)
            {
                continue;
            }

            var set = ordinal.StatefulSet;
            var range = ordinal.First == ordinal.Last ? $"only pod {set.Name}-{ordinal.First}" : $"pods {set.Name}-{ordinal.First} to {set.Name}-{ordinal.Last}";
            context.Report(reference.Span,
                $"`{reference.Host}` ({reference.Where}) names pod {set.Name}-{ordinal.Ordinal}, but {set} has {range} (replicas {set.Replicas?.Value ?? 1}{(set.OrdinalsStart != 0 ? $", ordinals from {set.OrdinalsStart}" : string.Empty)}), so the name does not resolve. Use an existing ordinal or raise replicas",
                related: [new(set.NameSpan, $"{set}")]);
        }
    }
}
