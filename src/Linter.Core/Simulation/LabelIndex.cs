using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Pod templates per namespace, indexed by label <c>key=value</c>. An equality selector is answered
/// by intersecting the smallest sets, never by scanning every pod.
/// </summary>
public sealed class LabelIndex
{
    private static readonly IReadOnlyList<PodTemplate> None = [];
    private readonly Dictionary<string, Dictionary<LabelPair, List<PodTemplate>>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PodTemplate>> _all = new(StringComparer.Ordinal);
    private readonly Dictionary<PodTemplate, int> _order = [];

    public LabelIndex(IEnumerable<PodTemplate> templates)
    {
        foreach (var template in templates)
        {
            _order[template] = _order.Count;
            Bucket(_all, template.Namespace).Add(template);
            var index = _byNamespace.TryGetValue(template.Namespace, out var existing) ? existing : _byNamespace[template.Namespace] = [];
            foreach (var label in template.LabelValues.Concat(template.ControllerLabels))
            {
                var list = index.TryGetValue(new LabelPair(label.Key, label.Value), out var l) ? l : index[new LabelPair(label.Key, label.Value)] = [];
                if (list.Count == 0 || list[list.Count - 1] != template)
                {
                    list.Add(template);
                }
            }
        }
    }

    public IReadOnlyList<PodTemplate> InNamespace(string ns) => _all.TryGetValue(ns, out var list) ? list : None;

    /// <summary>The namespaces that have pods, sorted.</summary>
    public IEnumerable<string> Namespaces => _all.Keys.OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>The templates whose pods carry every pair. Pairs on controller-generated labels with
    /// values unknown before deployment are ignored.</summary>
    public IReadOnlyList<PodTemplate> Select(string ns, IEnumerable<KeyValuePair<string, string>> selector)
    {
        if (!_byNamespace.TryGetValue(ns, out var index))
        {
            return None;
        }

        var sets = new List<List<PodTemplate>>();
        foreach (var pair in selector)
        {
            if (ControllerLabels.IsUnknowable(pair.Key))
            {
                continue;
            }

            if (!index.TryGetValue(new LabelPair(pair.Key, pair.Value), out var set))
            {
                return None;
            }

            sets.Add(set);
        }

        if (sets.Count == 0)
        {
            return InNamespace(ns);
        }

        sets.Sort((a, b) => a.Count.CompareTo(b.Count));
        IEnumerable<PodTemplate> result = sets[0];
        for (var i = 1; i < sets.Count; i++)
        {
            var other = new HashSet<PodTemplate>(sets[i]);
            result = result.Where(other.Contains);
        }

        return result.OrderBy(t => _order[t]).ToList();
    }

    private static List<PodTemplate> Bucket(Dictionary<string, List<PodTemplate>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];

    private readonly record struct LabelPair(string Key, string Value);
}
