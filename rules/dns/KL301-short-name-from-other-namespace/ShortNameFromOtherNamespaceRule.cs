using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

public sealed class ShortNameFromOtherNamespaceRule() : Rule(new RuleDescriptor("KL301", "short-name-from-other-namespace", "Short name of a Service in another namespace", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        foreach (var reference in snapshot.Names.All)
        {
            if (!reference.IsShortName || reference.Answer.Outcome is DnsOutcome.Service or DnsOutcome.Pod || !snapshot.OwnsNamespace(reference.Namespace))
            {
                continue;
            }

            var name = reference.Host.ToLowerInvariant();
            var elsewhere = snapshot.NamespacesWithService(name, reference.Namespace);
            if (elsewhere.Count == 0)
            {
                continue;
            }

            var fix = Describe.List(elsewhere.Select(ns => $"`{name}.{ns}`"));
            context.Report(reference.Span,
                $"`{reference.Host}` ({reference.Where}) is looked up in namespace {reference.Namespace} first ({name}.{reference.Namespace}.svc.{snapshot.Dns.Domain}), which has no Service {name}; a short name never reaches Service {name} in namespace {Describe.List(elsewhere)}. Write {fix}",
                related: elsewhere.Select(ns => snapshot.ServicesNamed(name).First(s => s.Namespace == ns))
                    .Select(s => new RelatedLocation(s.NameSpan, $"{s} in namespace {s.Namespace}")));
        }
    }
}
