using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class DeprecatedIngressClassAnnotationRule() : Rule(new RuleDescriptor("KL616", "deprecated-ingress-class-annotation", "Ingress class chosen only with the deprecated annotation", Severity.Note, "ingress"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            if (ingress.IsLegacy || ingress.IngressClassName is not null || ingress.ClassAnnotation is not { } annotation)
            {
                continue;
            }

            context.Report(annotation.Key.Span,
                $"{ingress} chooses its class only with the deprecated annotation kubernetes.io/ingress.class: {annotation.Value.Value}; set `spec.ingressClassName` to the IngressClass that stands for it and remove the annotation (the annotation names a controller's class string, the field an IngressClass object)");
        }
    }
}
