using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class SeveralDefaultIngressClassesRule() : Rule(new RuleDescriptor("KL607", "several-default-ingress-classes", "Several default IngressClasses", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var defaults = context.Snapshot.Ingress.DefaultClasses.Where(c => !IngressFacts.IsDefinedTwice(context.Snapshot, c)).ToList();
        if (defaults.Count < 2)
        {
            return;
        }

        var first = defaults[0];
        foreach (var other in defaults.Skip(1))
        {
            context.Report(other.DefaultAnnotation!.Span,
                $"IngressClass {other.Name} is marked default, and so is IngressClass {first.Name}: since Kubernetes 1.25 an Ingress without a class gets the newest default class (by creation time), before 1.25 it cannot be created at all; the manifests do not decide which class class-less Ingresses get. Keep ingressclass.kubernetes.io/is-default-class: \"true\" on one class only",
                related: [new RelatedLocation(first.DefaultAnnotation!.Span, $"IngressClass {first.Name} is also default")]);
        }
    }
}
