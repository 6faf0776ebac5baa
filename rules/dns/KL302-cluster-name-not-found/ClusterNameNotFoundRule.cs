using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

public sealed class ClusterNameNotFoundRule() : Rule(new RuleDescriptor("KL302", "cluster-name-not-found", "Cluster name resolves to nothing", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        var servicesOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> ServiceNames(string ns) =>
            servicesOf.TryGetValue(ns, out var names) ? names : servicesOf[ns] = snapshot.Dns.ServiceNamesIn(ns).OrderBy(n => n, StringComparer.Ordinal).ToList();

        foreach (var reference in snapshot.Names.All)
        {
            var answer = reference.Answer;
            if (answer is { Outcome: DnsOutcome.NotFound, Ordinal: null, Miss: { } miss } && OwnsServicesOf(snapshot, miss))
            {
                var candidates = miss.Kind == MissKind.Pod ? [] : ServiceNames(miss.Namespace);
                var nearest = EditDistance.Nearest(miss.Name, candidates);
                var hint = nearest is not null
                    ? $"did you mean `{Rewrite(reference.Host, miss.Name, nearest)}`?"
                    : candidates.Count > 0
                        ? $"namespace {miss.Namespace} has {Describe.List(candidates.Select(c => $"`{c}`"))}"
                        : "no Service of that namespace is a near match";
                context.Report(reference.Span, $"`{reference.Host}` ({reference.Where}) resolves to nothing: {miss}; {hint}");
            }
            else if (answer.Outcome == DnsOutcome.External && reference.IsShortName && snapshot.IsKnownNamespace(reference.Namespace))
            {
                var name = reference.Host.ToLowerInvariant();
                var nearest = EditDistance.Nearest(name, ServiceNames(reference.Namespace).Where(n => n != name));
                if (nearest is not null && snapshot.NamespacesWithService(name, reference.Namespace).Count == 0)
                {
                    context.Report(reference.Span, $"`{reference.Host}` ({reference.Where}) is not a Service of namespace {reference.Namespace}; did you mean `{nearest}`?");
                }
            }
        }
    }

    /// <summary>
    /// A namespace whose Services the input does not contain at all (one declared only for a Helm release or an
    /// operator to fill) says nothing about which Services exist there.
    /// </summary>
    private static bool OwnsServicesOf(Linter.Core.Simulation.ClusterSnapshot snapshot, DnsMiss miss) =>
        miss.Kind == MissKind.Pod || snapshot.ServicesIn(miss.Namespace).Count > 0 || snapshot.Options.Services.Any(s => s.Namespace == miss.Namespace);

    /// <summary>The name as written with the missing label replaced by the suggestion.</summary>
    private static string Rewrite(string written, string missing, string suggestion)
    {
        var labels = written.Split('.');
        var i = Array.FindIndex(labels, l => string.Equals(l, missing, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
        {
            return suggestion;
        }

        labels[i] = suggestion;
        return string.Join(".", labels);
    }
}
