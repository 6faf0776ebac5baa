using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules;

/// <summary>Shared wording for messages, so every rule names objects, labels and ports the same way.</summary>
internal static class Describe
{
    public static string Pairs(IEnumerable<StringPair> pairs) => string.Join(",", pairs.Select(p => $"{p.Key.Value}={p.Value.Value}"));

    public static string Labels(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "no labels" : string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    public static string Port(ContainerPort port) => port.Name is null
        ? $"{port.Number?.Value}/{port.Protocol}"
        : $"{port.Number?.Value}/{port.Protocol} ({port.Name})";

    /// <summary>"80/TCP (http), 9113/TCP (metrics)" for the ports the pod's running containers declare.</summary>
    public static string DeclaredPorts(PodTemplate pod)
    {
        var ports = DeclaredPortList(pod).Select(Port).ToList();
        return ports.Count == 0 ? "no ports" : string.Join(", ", ports);
    }

    public static IEnumerable<ContainerPort> DeclaredPortList(PodTemplate pod) => pod.Spec.RunningContainers.SelectMany(c => c.Ports);

    /// <summary>"a", "a and b", "a, b and c"; past <see cref="MaxListed"/> items, "a, b, c, d, e and 7 more".</summary>
    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > MaxListed + 1)
        {
            return string.Join(", ", list.Take(MaxListed)) + $" and {list.Count - MaxListed} more";
        }

        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1],
        };
    }

    public const int MaxListed = 5;

    /// <summary>
    /// For a Service that cannot serve: ". Requests to shop.example.com/api (Ingress shop) will answer 503" and the
    /// entries as related locations; nothing when no Ingress or route reaches it.
    /// </summary>
    public static (string Message, IEnumerable<RelatedLocation> Related) Entries(Core.Simulation.ClusterSnapshot snapshot, ServiceObject service) =>
        Entries(snapshot.Entries.To(service), "will answer 503");

    /// <summary>". Requests to shop.example.com/api (Ingress shop) {outcome}" and the entries as related locations; nothing without entries.</summary>
    public static (string Message, IEnumerable<RelatedLocation> Related) Entries(IReadOnlyList<Core.Simulation.TrafficEntry> entries, string outcome) =>
        entries.Count == 0
            ? (string.Empty, [])
            : ($". Requests to {List(entries.Select(e => e.Description))} {outcome}", entries.Select(e => new RelatedLocation(e.At, $"traffic enters here: {e.Description}")));

    /// <summary>"`payments-api` (env PAYMENTS_URL of container web of Deployment storefront)".</summary>
    public static string Reference(NameReference reference) => $"`{reference.Host}` ({reference.Where})";
}
