using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>An Ingress controller the configuration declares (<c>cluster.ingressControllers.&lt;class&gt;</c>): where its pods run.</summary>
public sealed record ConfiguredIngressController(string Class, string Namespace, IReadOnlyDictionary<string, string> PodLabels);

/// <summary>
/// The pods that serve each Ingress class (RULES.md KL707): those the configuration declares, or the workloads of the
/// input whose container <c>args</c> or <c>command</c> set a flag whose name contains <c>class</c>
/// (<c>--ingress-class=nginx</c>, <c>--controller-class k8s.io/ingress-nginx</c>) to the class's name or to its
/// IngressClass's <c>spec.controller</c>. Unknown otherwise: traffic from an unknown controller is not evaluated.
/// </summary>
public sealed class IngressControllers
{
    private readonly ClusterSnapshot _snapshot;
    private readonly Dictionary<string, IReadOnlyList<PolicyEndpoint>> _byClass = new(StringComparer.Ordinal);
    private readonly List<(PodTemplate Pod, string Value)> _classFlags = [];

    internal IngressControllers(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        foreach (var pod in snapshot.PodTemplates)
        {
            foreach (var container in pod.Spec.Containers)
            {
                _classFlags.AddRange(ClassFlags(container.Command.Concat(container.Args).Select(a => a.Value).ToList()).Select(v => (pod, v)));
            }
        }
    }

    /// <summary>The controller pods of the class (each with the workload that runs them, when it is in the input).</summary>
    public IReadOnlyList<PolicyEndpoint> Of(string className)
    {
        if (_byClass.TryGetValue(className, out var known))
        {
            return known;
        }

        var controller = _snapshot.Ingress.Classes.FirstOrDefault(c => c.Name == className && _snapshot.IsServed(c))?.Controller?.Value;
        var pods = _classFlags.Where(f => f.Value == className || (controller is not null && f.Value == controller))
            .Select(f => f.Pod).Distinct().Select(_snapshot.Policies.Endpoint)
            .Concat(_snapshot.Options.IngressControllers.Where(c => c.Class == className)
                .Select(c => PolicyEndpoint.BuiltIn($"the {className} Ingress controller ({c.Namespace})", c.Namespace, c.PodLabels, [])))
            .ToList();
        _byClass[className] = pods;
        return pods;
    }

    /// <summary>The values of flags whose name contains "class": <c>--flag=value</c>, or <c>--flag value</c> as two items.</summary>
    private static IEnumerable<string> ClassFlags(IReadOnlyList<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!item.StartsWith("-", StringComparison.Ordinal))
            {
                continue;
            }

            var equals = item.IndexOf('=');
            var name = equals < 0 ? item : item.Substring(0, equals);
            if (name.IndexOf("class", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            if (equals >= 0)
            {
                yield return item.Substring(equals + 1);
            }
            else if (i + 1 < items.Count && !items[i + 1].StartsWith("-", StringComparison.Ordinal))
            {
                yield return items[i + 1];
            }
        }
    }
}
