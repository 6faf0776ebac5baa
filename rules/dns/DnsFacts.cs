using Linter.Core.Model;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

/// <summary>What several DNS rules need: the Services a name could have meant.</summary>
internal static class DnsFacts
{
    /// <summary>The names of a namespace's Services: the input's, the built-in ones and the configured ones.</summary>
    public static IEnumerable<string> ServiceNames(ClusterSnapshot snapshot, string ns) =>
        snapshot.ServicesIn(ns).Select(s => s.Name)
            .Concat(snapshot.Dns.BuiltIns.Where(b => b.Namespace == ns).Select(b => b.Name))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Known namespaces other than <paramref name="ns"/> with a Service of that name, sorted.</summary>
    public static IReadOnlyList<string> NamespacesWithService(ClusterSnapshot snapshot, string name, string ns) =>
        snapshot.ServicesNamed(name).Where(s => s.Namespace != ns).Select(s => s.Namespace)
            .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>A single DNS label: <c>payments-api</c>, not <c>payments-api.payments</c>.</summary>
    public static bool IsShortName(NameReference reference) => reference.Host.TrimEnd('.').IndexOf('.') < 0 && !reference.Host.EndsWith(".", StringComparison.Ordinal);

    /// <summary>The first reference to a cluster name a pod uses, to show in a message.</summary>
    public static NameReference? FirstClusterName(ClusterSnapshot snapshot, PodTemplate pod) =>
        snapshot.Names.UsedBy(pod).FirstOrDefault(r => r.Answer.IsClusterName);

    public static string Example(NameReference reference) => $"`{reference.Host}` ({reference.Where})";
}
