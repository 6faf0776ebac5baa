using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;
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
        var customResources = snapshot.Objects.Where(IsCustomResource).ToLookup(o => o.Namespace, StringComparer.Ordinal);

        foreach (var reference in snapshot.Names.All)
        {
            var answer = reference.Answer;
            var written = $"`{reference.Host}` ({reference.Where})";
            if (answer is { Outcome: DnsOutcome.NotFound, Ordinal: null, PodMiss: null or PodNameMiss.NoSuchPod, Miss: { } miss } && OwnsServicesOf(snapshot, miss))
            {
                var nearest = miss.Kind == MissKind.Pod ? null : EditDistance.Nearest(miss.Name, ServiceNames(miss.Namespace));
                if (nearest is not null || miss.Kind == MissKind.Pod)
                {
                    var hint = nearest is not null ? $"did you mean `{Rewrite(reference.Host, miss.Name, nearest)}`?" : "check the pod's name";
                    context.Report(reference.Span, $"{written} resolves to nothing: {miss}; {hint}");
                }
                else
                {
                    ReportAbsent(context, reference, miss.Namespace, $"{written} resolves to nothing: {miss}, and none of its Services is a near match");
                }
            }
            else if (answer is { Outcome: DnsOutcome.UnknownNamespace, Miss: { Kind: MissKind.Service } elsewhere } &&
                     EditDistance.Nearest(elsewhere.Name, ServiceNames(elsewhere.Namespace)) is { } near)
            {
                // The input does not own the namespace, but it holds a Service there whose name is one slip away.
                context.Report(reference.Span,
                    $"{written} names no Service of the input: {elsewhere}; did you mean `{Rewrite(reference.Host, elsewhere.Name, near)}`? (The input does not own namespace {elsewhere.Namespace}, so a Service of that name may come from elsewhere.)");
            }
            else if (answer.Outcome == DnsOutcome.External && reference.IsShortName && snapshot.OwnsNamespace(reference.Namespace))
            {
                var name = reference.Host.ToLowerInvariant();
                if (snapshot.NamespacesWithService(name, reference.Namespace).Count > 0)
                {
                    continue; // KL301: the Service is in another namespace
                }

                if (EditDistance.Nearest(name, ServiceNames(reference.Namespace).Where(n => n != name)) is { } nearest)
                {
                    context.Report(reference.Span, $"{written} is not a Service of namespace {reference.Namespace}; did you mean `{nearest}`?");
                }
                else if (IsSurelyAHost(reference) && snapshot.ServicesIn(reference.Namespace).Count > 0 && !MayBeMadeByAnOperator(customResources[reference.Namespace], name))
                {
                    ReportAbsent(context, reference, reference.Namespace, $"{written} resolves to nothing: namespace {reference.Namespace} has no Service {name}, and no other namespace of the input has one");
                }
            }
        }
    }

    /// <summary>
    /// A name nothing resembles: where the input declares the namespace (a Namespace object) its absence is a mistake;
    /// where the input only deploys into it, a Helm chart or an operator may create the Service, so it is a note.
    /// </summary>
    private static void ReportAbsent(RuleContext context, NameReference reference, string ns, string message)
    {
        if (context.Snapshot.DeclaresNamespace(ns))
        {
            context.Report(reference.Span, $"{message}, and the input declares namespace {ns}. Create the Service, or use the name of the one that is meant");
        }
        else
        {
            context.Report(reference.Span, $"{message}. If a Helm chart or an operator creates it, this is expected; otherwise create the Service, or use the name of the one that is meant", Severity.Note);
        }
    }

    /// <summary>
    /// Written as a host beyond doubt: a URL, a network program's argument, or a value that is host:port and nothing
    /// else (inside a longer text, `object:39` in a JSON dashboard is no host).
    /// </summary>
    private static bool IsSurelyAHost(NameReference reference) =>
        reference.Form is ReferenceForm.Url or ReferenceForm.Command || (reference.Form == ReferenceForm.HostPort && reference.IsWholeValue);

    /// <summary>
    /// Operators create Services named after their custom resources (a Strimzi Kafka `events` gets
    /// `events-kafka-bootstrap`, a Prometheus gets `prometheus-operated`): a name that contains the name or the kind of
    /// a custom resource of the namespace may be one of them.
    /// </summary>
    private static bool MayBeMadeByAnOperator(IEnumerable<KubeObject> customResources, string name) =>
        customResources.Any(o => (o.Name.Length > 0 && name.Contains(o.Name.ToLowerInvariant())) || name.Contains(o.Kind.ToLowerInvariant()));

    /// <summary>A kind of an API group outside Kubernetes' own (<c>*.k8s.io</c> and the unsuffixed built-in groups).</summary>
    private static bool IsCustomResource(KubeObject obj) => obj.Group.IndexOf('.') >= 0 && !obj.Group.EndsWith(".k8s.io", StringComparison.Ordinal);

    /// <summary>
    /// A namespace whose Services the input does not contain at all (one declared only for a Helm release or an
    /// operator to fill) says nothing about which Services exist there.
    /// </summary>
    private static bool OwnsServicesOf(ClusterSnapshot snapshot, DnsMiss miss) =>
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
