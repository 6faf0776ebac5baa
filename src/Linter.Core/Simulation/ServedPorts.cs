using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// The port numbers a pod template evidently listens on, declared or not (<c>containerPort</c> is informational):
/// the numbers <see cref="ListenPortScanner"/> finds in the <c>command</c>, <c>args</c> and literal <c>env</c>
/// values of its running containers (app containers and sidecars) and in the data of the ConfigMaps those
/// containers read (<see cref="ClusterSnapshot.ConfigMapsReadBy"/>). Computed per pod template on first use, and
/// each ConfigMap is scanned once however many pods read it.
/// </summary>
public sealed class ServedPorts
{
    private readonly ClusterSnapshot _snapshot;
    private readonly Memo<PodTemplate, HashSet<int>> _byPod;
    private readonly Memo<ConfigMapObject, ConfigMapNumbers> _byConfigMap;

    internal ServedPorts(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _byPod = new(ComputeNumbers);
        _byConfigMap = new(ComputeConfigMapNumbers);
    }

    /// <summary>The pod evidently listens on <paramref name="number"/> (whatever its declared ports say).</summary>
    public bool Serves(PodTemplate pod, int number) => _byPod[pod].Contains(number);

    /// <summary>Every number the pod evidently listens on, in no particular order.</summary>
    public IReadOnlyCollection<int> Of(PodTemplate pod) => _byPod[pod];

    private HashSet<int> ComputeNumbers(PodTemplate pod)
    {
        var numbers = new HashSet<int>();
        foreach (var container in pod.Spec.RunningContainers)
        {
            string? previous = null;
            foreach (var item in container.Command.Concat(container.Args))
            {
                // ["--port", "8443"]: a flag alone in one item names the value in the next.
                ListenPortScanner.Scan(item.Value, previous, numbers);
                previous = IsLoneFlag(item) ? item.Value : null;
            }

            foreach (var env in container.Env)
            {
                if (env.Value is { } value)
                {
                    ListenPortScanner.Scan(value.Value, env.Name, numbers);
                }
            }

            foreach (var use in _snapshot.ConfigMapsReadBy(pod, container))
            {
                var configMap = _byConfigMap[use.ConfigMap];
                if (use.Key is null)
                {
                    numbers.UnionWith(configMap.All);
                }
                else if (configMap.ByKey.TryGetValue(use.Key, out var ofKey))
                {
                    numbers.UnionWith(ofKey);
                }
            }
        }

        return numbers;
    }

    private static bool IsLoneFlag(ScalarNode item) =>
        item.Value.Length > 1 && item.Value[0] == '-' && item.Value.IndexOf('=') < 0 && !Chars.Any(item.Value, char.IsWhiteSpace);

    private static ConfigMapNumbers ComputeConfigMapNumbers(ConfigMapObject configMap)
    {
        var numbers = new ConfigMapNumbers();
        var found = new List<int>();
        foreach (var pair in configMap.Data)
        {
            found.Clear();
            ListenPortScanner.Scan(pair.ValueText, pair.KeyText, found);
            if (found.Count > 0)
            {
                numbers.ByKey[pair.KeyText] = [.. found];
                numbers.All.UnionWith(found);
            }
        }

        return numbers;
    }

    private sealed class ConfigMapNumbers
    {
        public Dictionary<string, HashSet<int>> ByKey { get; } = new(StringComparer.Ordinal);

        public HashSet<int> All { get; } = [];
    }
}
