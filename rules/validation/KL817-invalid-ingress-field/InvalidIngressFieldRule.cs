using Linter.Core.Rules;

namespace Linter.Rules.Validation;

public sealed class InvalidIngressFieldRule() : Rule(new RuleDescriptor("KL817", "invalid-ingress-field", "Ingress field the API server rejects", Severity.Error, "validation"))
{
    public override void Check(RuleContext context)
    {
        // The simulation validates every Ingress (IngressValidation) and leaves the rejected fields out; this reports them.
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            foreach (var rejection in resolution.Validity.Rejections)
            {
                context.Report(rejection.Span, rejection.Message);
            }
        }
    }
}
