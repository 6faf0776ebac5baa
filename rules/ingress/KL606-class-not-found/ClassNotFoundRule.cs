using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Loading;

namespace Linter.Rules.Ingress;

public sealed class ClassNotFoundRule() : Rule(new RuleDescriptor("KL606", "class-not-found", "Class reference names no class", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        var ingressClasses = snapshot.Objects.OfType<IngressClassObject>().ToList();
        if (ingressClasses.Count > 0)
        {
            var known = new Known(ingressClasses.Where(snapshot.IsServed).ToList(), ingressClasses.Where(c => !snapshot.IsServed(c)).ToList(), snapshot.Options.IngressClasses);
            foreach (var ingress in snapshot.Objects.OfType<IngressObject>())
            {
                // A class name KL817 rejects (invalid, or contradicted by the annotation) is left out.
                if (ingress.IngressClassName is { Value.Length: > 0 } name && !known.Exists(name.Value) && !snapshot.Ingress.Of(ingress).Validity.ClassRejected)
                {
                    Report(context, known, ingress, name, "IngressClass", "spec.ingressClassName", "cluster.ingressClasses",
                        "no ingress controller serves the Ingress, so none of its hosts and paths receive traffic through it");
                }
            }
        }

        var gatewayClasses = snapshot.Objects.OfType<GatewayClassObject>().ToList();
        if (gatewayClasses.Count > 0)
        {
            var known = new Known(gatewayClasses.Where(snapshot.IsServed).ToList(), gatewayClasses.Where(c => !snapshot.IsServed(c)).ToList(), snapshot.Options.GatewayClasses.Select(c => c.Name).ToList());
            foreach (var gateway in snapshot.Objects.OfType<GatewayObject>())
            {
                if (gateway.GatewayClassNameNode is { Value.Length: > 0 } name && !known.Exists(name.Value))
                {
                    Report(context, known, gateway, name, "GatewayClass", "spec.gatewayClassName", "cluster.gatewayClasses",
                        "no controller programs the Gateway (it stays Accepted=Unknown, Pending), so its listeners serve no route attached to it");
                }
            }
        }
    }

    private static void Report(RuleContext context, Known known, KubeObject obj, ScalarNode name, string kind, string field, string setting, string consequence)
    {
        var where = obj.Namespace.Length > 0 ? $"{obj} of namespace {obj.Namespace}" : obj.ToString();
        var unserved = known.Unserved.FirstOrDefault(c => c.Name == name.Value);
        var nearest = EditDistance.Nearest(name.Value, known.Names.Where(n => n != name.Value));
        var missing = unserved is not null
            ? $"{kind} {name.Value} of the input uses {unserved.ApiVersion}, which the cluster no longer serves (KL608), so it is not created"
            : $"the input holds no {kind} {name.Value} and `{setting}` does not list it";
        var hint = unserved is not null
            ? $"move {kind} {name.Value} to a served API version"
            : nearest is not null
                ? $"did you mean `{nearest}`?"
                : $"name one of the {kind}es there are ({Describe.List(known.Names)}), or add {name.Value} to `{setting}` when it exists outside the input";
        var related = new List<RelatedLocation>();
        if (unserved is not null)
        {
            related.Add(new RelatedLocation(unserved.NameSpan, $"{kind} {name.Value} uses {unserved.ApiVersion}"));
        }
        else if (nearest is not null && known.Served.FirstOrDefault(c => c.Name == nearest) is { } near)
        {
            related.Add(new RelatedLocation(near.NameSpan, $"{kind} {nearest}"));
        }

        context.Report(name.Span, $"{where} names {kind} {name.Value} in `{field}`, but {missing}: {consequence}; {hint}", related: related);
    }

    /// <summary>The classes that exist: served ones of the input and configured names; the input's unserved ones do not count.</summary>
    private sealed class Known(IReadOnlyList<KubeObject> served, IReadOnlyList<KubeObject> unserved, IReadOnlyList<string> configured)
    {
        public IReadOnlyList<KubeObject> Served { get; } = served;

        public IReadOnlyList<KubeObject> Unserved { get; } = unserved;

        public IReadOnlyList<string> Names { get; } = served.Select(c => c.Name).Where(n => n.Length > 0).Concat(configured).Distinct(StringComparer.Ordinal).ToList();

        public bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);
    }
}
