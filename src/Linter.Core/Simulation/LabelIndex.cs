using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// Pod templates per namespace, indexed by label <c>key=value</c>. An equality selector is answered
/// by intersecting the smallest sets, never by scanning every pod.
/// </summary>
public sealed class LabelIndex
{
    private static readonly IReadOnlyList<PodTemplate> None = [];
    private readonly Dictionary<string, Dictionary<LabelPair, PodTemplate[]>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodTemplate[]> _all;
    private readonly Dictionary<LabelPair, PodTemplate[]> _anywhere;
    private readonly List<string> _namespaces;

    public LabelIndex(IEnumerable<PodTemplate> templates)
    {
        var all = new Dictionary<string, List<PodTemplate>>(StringComparer.Ordinal);
        var byNamespace = new Dictionary<string, Dictionary<LabelPair, List<PodTemplate>>>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            Bucket(all, template.Namespace).Add(template);
            var index = byNamespace.TryGetValue(template.Namespace, out var existing) ? existing : byNamespace[template.Namespace] = [];
            foreach (var label in template.Labels)
            {
                // A key written twice counts with its last value, as the API server keeps it.
                template.TryGetLabel(label.KeyText, out var value);
                AddOnce(Bucket(index, new LabelPair(label.KeyText, value)), template);
            }

            foreach (var label in template.ControllerLabels)
            {
                AddOnce(Bucket(index, new LabelPair(label.Key, label.Value)), template);
            }
        }

        // Kept as exact arrays: a list per label and namespace left its spare capacity (and itself) behind for the run.
        _all = Frozen(all);
        _namespaces = _all.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var index in byNamespace)
        {
            _byNamespace[index.Key] = Frozen(index.Value);
        }

        // Across namespaces, each set in the order SelectElsewhere gives (namespaces sorted, then input order): the
        // namespaces' own sets, joined in namespace order.
        var anywhere = new Dictionary<LabelPair, List<PodTemplate>>();
        foreach (var ns in _namespaces)
        {
            foreach (var set in _byNamespace[ns])
            {
                Bucket(anywhere, set.Key).AddRange(set.Value);
            }
        }

        _anywhere = Frozen(anywhere);
    }

    public IReadOnlyList<PodTemplate> InNamespace(string ns) => _all.TryGetValue(ns, out var list) ? list : None;

    /// <summary>The namespaces that have pods, sorted.</summary>
    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>The templates whose pods carry every pair. Pairs on controller-generated labels with
    /// values unknown before deployment are ignored.</summary>
    public IReadOnlyList<PodTemplate> Select(string ns, IReadOnlyList<KeyValuePair<string, string>> selector) =>
        _byNamespace.TryGetValue(ns, out var index) ? Intersect(index, selector) ?? InNamespace(ns) : None;

    /// <summary>
    /// The templates of namespaces other than <paramref name="except"/> whose pods carry every pair, in the order of
    /// <see cref="Namespaces"/> and then of the input: what <see cref="Select"/> gives namespace by namespace, from
    /// one look-up.
    /// </summary>
    public IEnumerable<PodTemplate> SelectElsewhere(string except, IReadOnlyList<KeyValuePair<string, string>> selector) =>
        (Intersect(_anywhere, selector) ?? _namespaces.SelectMany(ns => _all[ns]))
            .Where(t => !string.Equals(t.Namespace, except, StringComparison.Ordinal));

    /// <summary>The templates of <paramref name="index"/> that carry every pair, in input order; null when no pair counts (all pods match).</summary>
    private IReadOnlyList<PodTemplate>? Intersect(Dictionary<LabelPair, PodTemplate[]> index, IReadOnlyList<KeyValuePair<string, string>> selector)
    {
        PodTemplate[]? smallest = null;
        for (var i = 0; i < selector.Count; i++)
        {
            var pair = selector[i];
            if (ControllerLabels.IsUnknowable(pair.Key))
            {
                continue;
            }

            if (!index.TryGetValue(new LabelPair(pair.Key, pair.Value), out var set))
            {
                return None;
            }

            if (smallest is null || set.Length < smallest.Length)
            {
                smallest = set;
            }
        }

        if (smallest is null)
        {
            return null;
        }

        // When every template of the smallest set carries all the pairs (always, for one pair), that set is the answer:
        // shared, not copied (each Service's resolution keeps it).
        List<PodTemplate>? result = null;
        for (var i = 0; i < smallest.Length; i++)
        {
            if (CarriesAll(smallest[i], selector))
            {
                result?.Add(smallest[i]);
            }
            else if (result is null)
            {
                result = new List<PodTemplate>(smallest.Length);
                result.AddRange(new ArraySegment<PodTemplate>(smallest, 0, i));
            }
        }

        return result is null ? smallest : Kept.Of(result);
    }

    /// <summary>
    /// The template's pods carry every pair: the labels the index holds for it, its own and its controller's (pairs on
    /// labels whose values are unknown before deployment are ignored, as <see cref="Select"/> does).
    /// </summary>
    public static bool CarriesAll(PodTemplate template, IReadOnlyList<KeyValuePair<string, string>> selector)
    {
        for (var i = 0; i < selector.Count; i++)
        {
            var pair = selector[i];
            if (!ControllerLabels.IsUnknowable(pair.Key) && !Carries(template, pair))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Carries(PodTemplate template, KeyValuePair<string, string> pair)
    {
        if (template.TryGetLabel(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var label in template.ControllerLabels)
        {
            if (string.Equals(label.Key, pair.Key, StringComparison.Ordinal) && string.Equals(label.Value, pair.Value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddOnce(List<PodTemplate> list, PodTemplate template)
    {
        if (list.Count == 0 || list[list.Count - 1] != template)
        {
            list.Add(template);
        }
    }

    private static List<PodTemplate> Bucket<TKey>(Dictionary<TKey, List<PodTemplate>> map, TKey key)
        where TKey : notnull =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];

    private static Dictionary<TKey, PodTemplate[]> Frozen<TKey>(Dictionary<TKey, List<PodTemplate>> lists)
        where TKey : notnull
    {
        var frozen = new Dictionary<TKey, PodTemplate[]>(lists.Count, lists.Comparer);
        foreach (var list in lists)
        {
            frozen[list.Key] = list.Value.ToArray();
        }

        return frozen;
    }

    private readonly record struct LabelPair(string Key, string Value);
}
