using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>An Ingress controller the configuration declares (<c>cluster.ingressControllers.&lt;class&gt;</c>): where its pods run.</summary>
public sealed record ConfiguredIngressController(string Class, string Namespace, IReadOnlyDictionary<string, string> PodLabels);

/// <summary>
/// The pods that proxy traffic entering the cluster (RULES.md KL707). For an Ingress class: the controller pods the
/// configuration declares, or the workloads of the input whose container <c>args</c> or <c>command</c> set a flag
/// whose name contains <c>class</c> (<c>--ingress-class=nginx</c>, <c>--controller-class k8s.io/ingress-nginx</c>) to
/// the class's name or to its IngressClass's <c>spec.controller</c>. For a Gateway (traffic semantics §3.7): the
/// workloads of its namespace labelled <c>gateway.networking.k8s.io/gateway-name: &lt;name&gt;</c>, or such pods when
/// the configuration says its GatewayClass runs its data plane in the cluster. Unknown otherwise: traffic from an
/// unknown proxy is not evaluated.
/// </summary>
public sealed class EntryProxies
{
    public const string GatewayNameLabel = "gateway.networking.k8s.io/gateway-name";

    private readonly ClusterSnapshot _snapshot;
    private readonly Memo<string, IReadOnlyList<PolicyEndpoint>> _byClass;
    private readonly Memo<GatewayObject, IReadOnlyList<PolicyEndpoint>> _byGateway;
    private readonly List<ClassFlag> _classFlags = [];

    internal EntryProxies(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _byClass = new(ComputeOfClass, StringComparer.Ordinal);
        _byGateway = new(ComputeOfGateway);
        foreach (var pod in snapshot.PodTemplates)
        {
            foreach (var container in pod.Spec.Containers.Where(c => c.Command.Count + c.Args.Count > 0))
            {
                _classFlags.AddRange(ClassFlags(container.Command.Concat(container.Args).Select(a => a.Value).ToList()).Select(v => new ClassFlag(pod, v)));
            }
        }
    }

    /// <summary>The data-plane pods of the Gateway (computed once per Gateway).</summary>
    public IReadOnlyList<PolicyEndpoint> OfGateway(GatewayObject gateway) => _byGateway[gateway];

    private IReadOnlyList<PolicyEndpoint> ComputeOfGateway(GatewayObject gateway)
    {
        var label = new[] { new KeyValuePair<string, string>(GatewayNameLabel, gateway.Name) };
        var pods = _snapshot.Labels.Select(gateway.Namespace, label).Select(_snapshot.Policies.Endpoint).ToList();
        var className = gateway.GatewayClassNameNode?.Value;
        if (pods.Count == 0 && _snapshot.Options.GatewayClasses.Any(c => c.Name == className && c.DataPlane == "inCluster"))
        {
            pods.Add(PolicyEndpoint.BuiltIn($"the data plane of {gateway} ({gateway.Namespace})", gateway.Namespace, label.ToDictionary(l => l.Key, l => l.Value), []));
        }

        return pods;
    }

    /// <summary>The controller pods of the Ingress class.</summary>
    public IReadOnlyList<PolicyEndpoint> OfClass(string className) => _byClass[className];

    private IReadOnlyList<PolicyEndpoint> ComputeOfClass(string className)
    {
        var controller = _snapshot.Ingress.Classes.FirstOrDefault(c => c.Name == className && _snapshot.IsServed(c))?.Controller?.Value;
        var pods = _classFlags.Where(f => f.Value == className || (controller is not null && f.Value == controller))
            .Select(f => f.Pod).Distinct().Select(_snapshot.Policies.Endpoint)
            .Concat(_snapshot.Options.IngressControllers.Where(c => c.Class == className)
                .Select(c => PolicyEndpoint.BuiltIn($"the {className} Ingress controller ({c.Namespace})", c.Namespace, c.PodLabels, [])))
            .ToList();
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

    /// <summary>A class flag's value in a pod's command or arguments.</summary>
    private sealed record ClassFlag(PodTemplate Pod, string Value);
}
