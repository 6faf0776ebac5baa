using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidIngressClassRule() : Rule(new RuleDescriptor("KL818", "invalid-ingress-class", "IngressClass field the API server rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        foreach (var ingressClass in context.Snapshot.Ingress.Classes)
        {
            foreach (var rejection in IngressValidation.Check(ingressClass))
            {
                context.Report(rejection.Span, rejection.Message);
            }
        }
    }
}
