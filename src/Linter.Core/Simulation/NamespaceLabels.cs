using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// What a namespace selector can match (RULES.md, traffic ground rule 2): a Namespace object of the input gives its
/// labels; a namespace the input owns, and the built-in <c>default</c> and <c>kube-system</c>, carry only
/// <c>kubernetes.io/metadata.name</c>; the configuration may add labels to any namespace; of any other namespace only
/// its name is known, so a requirement on another label is unknown for it.
/// </summary>
public sealed class NamespaceLabels
{
    public const string NameLabel = "kubernetes.io/metadata.name";

    private readonly ClusterSnapshot _snapshot;
    private readonly Dictionary<string, NamespaceObject> _declared = new(StringComparer.Ordinal);
    private readonly Memo<string, KnownLabels> _byNamespace;

    internal NamespaceLabels(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        _byNamespace = new(Compute, StringComparer.Ordinal);
        foreach (var ns in snapshot.Objects.OfType<NamespaceObject>())
        {
            if (ns.Name.Length > 0 && !_declared.ContainsKey(ns.Name))
            {
                _declared[ns.Name] = ns;
            }
        }
    }

    public Verdict Matches(LabelSelector selector, string ns)
    {
        var labels = Of(ns, out var known);
        return Verdicts.Match(selector, labels, known, static (key, isKnown) => !isKnown && key != NameLabel);
    }

    /// <summary>The labels a namespace is known to carry; <paramref name="known"/> is false when it may carry others. Computed once per namespace.</summary>
    public IReadOnlyDictionary<string, string> Of(string ns, out bool known)
    {
        var entry = _byNamespace[ns];
        known = entry.Known;
        return entry.Labels;
    }

    private KnownLabels Compute(string ns)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = true;
        if (_declared.TryGetValue(ns, out var declared))
        {
            foreach (var pair in declared.Labels)
            {
                labels[pair.KeyText] = pair.ValueText;
            }
        }
        else
        {
            known = _snapshot.OwnsNamespace(ns) || ns is "default" or "kube-system" || _snapshot.Options.NamespaceLabels.ContainsKey(ns);
        }

        if (_snapshot.Options.NamespaceLabels.TryGetValue(ns, out var configured))
        {
            foreach (var pair in configured)
            {
                labels[pair.Key] = pair.Value;
            }
        }

        labels[NameLabel] = ns;
        return new KnownLabels(labels, known);
    }

    /// <summary>A namespace's labels, and whether they are all it carries (a class, not a tuple: the memo's code is then shared, not compiled at run time).</summary>
    private sealed record KnownLabels(IReadOnlyDictionary<string, string> Labels, bool Known);
}
